/// GEMM path for small problems: no packing, no threads, one vector of C
/// columns at a time, same fused multiply-add order as `Gemm.reference`.
enum SmallGemm {
    static func run<V: SIMD>(_: V.Type, _ p: GemmProblem<V.Scalar>) where V.Scalar: Scalar {
        let w = V.scalarCount
        for i in 0..<p.m {
            let cRow = p.c + i * p.ldc
            var j = 0
            while j + w <= p.n {
                var acc = V()
                for q in 0..<p.k { acc = acc.addingProduct(p.aAt(i, q), bVector(V.self, p, q, j)) }
                let dst = UnsafeMutableRawPointer(cRow + j)
                if p.accumulate { acc = dst.loadUnaligned(as: V.self) + acc }
                dst.storeBytes(of: acc, as: V.self)
                j += w
            }
            while j < p.n {
                var acc: V.Scalar = 0
                for q in 0..<p.k { acc = acc.addingProduct(p.aAt(i, q), p.bAt(q, j)) }
                cRow[j] = p.accumulate ? cRow[j] + acc : acc
                j += 1
            }
        }
    }

    /// op(B)[q, j..<j+w] as one vector.
    @inline(__always)
    private static func bVector<V: SIMD>(_: V.Type, _ p: GemmProblem<V.Scalar>, _ q: Int, _ j: Int) -> V
    where V.Scalar: Scalar {
        if !p.transB { return UnsafeRawPointer(p.b + q * p.ldb + j).loadUnaligned(as: V.self) }
        var v = V()
        for l in 0..<V.scalarCount { v[l] = p.b[(j + l) * p.ldb + q] }
        return v
    }
}
