#ifndef BENCH_CHDF5_SHIM_H
#define BENCH_CHDF5_SHIM_H
#include <hdf5.h>

/*
 * HDF5 spells many of its constants as macros over library globals (`*_g`),
 * which Swift cannot import (and the globals themselves are errors in Swift 6
 * mode). Each function below returns one such macro's value; `H5OPEN` inside
 * the macros initialises the library on first use.
 */

/* Property lists and special identifiers (the integer macros import as Int32). */
static inline hid_t chdf5_p_default(void) { return (hid_t)H5P_DEFAULT; }
static inline hid_t chdf5_e_default(void) { return (hid_t)H5E_DEFAULT; }
static inline hid_t chdf5_s_all(void) { return (hid_t)H5S_ALL; }
static inline hid_t chdf5_p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t chdf5_p_file_create(void) { return H5P_FILE_CREATE; }
static inline hid_t chdf5_p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t chdf5_p_group_create(void) { return H5P_GROUP_CREATE; }

/* File access flags. */
static inline unsigned chdf5_f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned chdf5_f_acc_rdwr(void) { return H5F_ACC_RDWR; }
static inline unsigned chdf5_f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned chdf5_f_acc_excl(void) { return H5F_ACC_EXCL; }

/* Datatypes: in-memory (native) and on-disk (standard, little-endian). */
static inline hid_t chdf5_t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t chdf5_t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t chdf5_t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t chdf5_t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t chdf5_t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t chdf5_t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t chdf5_t_c_s1(void) { return H5T_C_S1; }
static inline size_t chdf5_t_variable(void) { return H5T_VARIABLE; }

#endif
