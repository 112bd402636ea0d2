#ifndef BENCH_BUILD_TARGET_H
#define BENCH_BUILD_TARGET_H

/*
 * Which instruction-set extensions the compiler was told it may use.
 *
 * These are static inline on purpose: Swift compiles them inside the module
 * that calls them, with that module's clang flags (`-Xcc -march=...` from
 * Package.swift or the command line), so the answer is the one the calling
 * module's numeric code was built for, not whatever this C target used.
 */
static inline int bench_target_has_avx2_fma(void) {
#if defined(__AVX2__) && defined(__FMA__)
    return 1;
#else
    return 0;
#endif
}

static inline int bench_target_has_avx512f(void) {
#if defined(__AVX512F__)
    return 1;
#else
    return 0;
#endif
}

#endif
