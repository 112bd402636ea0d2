/// Deterministic matrix multiplication entry points.
///
/// Contract: every output element is a fused multiply-add chain over k in
/// increasing order of k, starting from zero (`acc = fma(a[i,q], b[q,j], acc)`);
/// when accumulating, the old C is added to the finished sum last,
/// whatever the thread count or SIMD width, so results are bit-identical.
///
/// The fast paths (`SmallGemm` below `packedThreshold` multiply-adds, else
/// `PackedGemm`) keep each C element in one SIMD lane, so they reproduce
/// `reference` bit for bit.
public enum Gemm {
    /// Problems with fewer multiply-adds (m * n * k) skip packing and threads.
    public static let packedThreshold = 32_768

    /// Float32 product on up to `threads` threads; see `GemmProblem`.
    public static func multiplyFloat(_ p: GemmProblem<Float>, threads: Int) {
        multiply(SIMD16<Float>.self, p, threads: threads, blocking: floatBlocking)
    }

    /// Float64 product on up to `threads` threads; see `GemmProblem`.
    public static func multiplyDouble(_ p: GemmProblem<Double>, threads: Int) {
        multiply(SIMD8<Double>.self, p, threads: threads, blocking: doubleBlocking)
    }

    /// Cache blocking: k-block depth, rows per packed A block (multiple of 6),
    /// and the multiply-adds each extra thread must get.
    struct Blocking {
        var kc: Int, mc: Int, minWorkPerThread: Int
    }

    /// A B micro-panel of 256 x 16 floats (16 KiB) stays in L1, an A block of
    /// 96 x 256 floats (96 KiB) in L2.
    static let floatBlocking = Blocking(kc: 256, mc: 96, minWorkPerThread: 1 << 20)
    /// Same footprints for doubles (256 x 8 B panel, 72 x 256 A block).
    static let doubleBlocking = Blocking(kc: 256, mc: 72, minWorkPerThread: 1 << 20)

    @inline(__always)
    static func multiply<V: SIMD>(_: V.Type, _ p: GemmProblem<V.Scalar>, threads: Int, blocking: Blocking)
    where V.Scalar: Scalar {
        validate(p)
        precondition(threads >= 1, "Gemm: threads must be at least 1")
        if p.m == 0 || p.n == 0 { return }
        if p.m * p.n * p.k < packedThreshold {
            SmallGemm.run(V.self, p)
        } else {
            var packed = PackedGemm<V>(p: p, kc: blocking.kc, mc: blocking.mc)
            packed.minWorkPerThread = blocking.minWorkPerThread
            packed.run(threads: threads)
        }
    }

    /// Naive reference kernel: the summation order every fast kernel must reproduce.
    public static func reference<S: Scalar>(_ p: GemmProblem<S>) {
        validate(p)
        for i in 0..<p.m {
            for j in 0..<p.n {
                var acc: S = 0
                for q in 0..<p.k { acc = acc.addingProduct(p.aAt(i, q), p.bAt(q, j)) }
                let idx = i * p.ldc + j
                p.c[idx] = p.accumulate ? p.c[idx] + acc : acc
            }
        }
    }

    /// Checks sizes and leading dimensions.
    static func validate<S>(_ p: GemmProblem<S>) {
        precondition(p.m >= 0 && p.n >= 0 && p.k >= 0, "Gemm: negative size")
        // Leading dimensions matter only for matrices that have elements.
        if p.m > 0 && p.k > 0 { precondition(p.lda >= (p.transA ? p.m : p.k), "Gemm: lda too small") }
        if p.k > 0 && p.n > 0 { precondition(p.ldb >= (p.transB ? p.k : p.n), "Gemm: ldb too small") }
        if p.m > 0 && p.n > 0 { precondition(p.ldc >= p.n, "Gemm: ldc too small") }
    }
}

