import CBuildTarget

/// The instruction-set path the numeric code takes: the extensions this build
/// was compiled for (Package.swift sets x86-64-v3, AVX2 + FMA, as the floor on
/// x86-64; a `-Xcc -march=native` build may use AVX-512). Compile-time facts,
/// not what the CPU could do: two machines running the same binary take the
/// same path.
public enum InstructionSet {
    /// A short description such as `x86-64-v3 (AVX2, FMA)`.
    public static var description: String {
        #if arch(x86_64)
        if bench_target_has_avx512f() != 0 { return "x86-64 with AVX-512 (AVX512F, AVX2, FMA)" }
        if bench_target_has_avx2_fma() != 0 { return "x86-64-v3 (AVX2, FMA)" }
        return "x86-64 baseline (SSE2; no FMA: slow)"
        #elseif arch(arm64)
        return "arm64 (NEON, FMA)"
        #else
        return "unknown architecture"
        #endif
    }
}
