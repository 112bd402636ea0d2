#ifndef BENCH_CHDF5_SHIM_H
#define BENCH_CHDF5_SHIM_H
#include <hdf5.h>
#endif
