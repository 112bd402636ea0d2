/// Deterministic matrix multiplication entry points.
///
/// Contract: every output element is a fused multiply-add chain over k in
/// increasing order of k, starting from zero (`acc = fma(a[i,q], b[q,j], acc)`);
/// when accumulating, the old C is added to the finished sum last,
/// whatever the thread count or SIMD width, so results are bit-identical.
public enum Gemm {
    /// Float32 product; see `GemmProblem`.
    public static func multiplyFloat(_ p: GemmProblem<Float>, threads: Int) { reference(p) }
    /// Float64 product; see `GemmProblem`.
    public static func multiplyDouble(_ p: GemmProblem<Double>, threads: Int) { reference(p) }

    /// Naive reference kernel: the summation order every fast kernel must reproduce.
    public static func reference<S: Scalar>(_ p: GemmProblem<S>) {
        for i in 0..<p.m {
            for j in 0..<p.n {
                var acc: S = 0
                for q in 0..<p.k { acc = acc.addingProduct(p.aAt(i, q), p.bAt(q, j)) }
                let idx = i * p.ldc + j
                p.c[idx] = p.accumulate ? p.c[idx] + acc : acc
            }
        }
    }
}
