/// Matrix products on the deterministic GEMM kernel.
///
/// For C = op(A) op(B): d op(A) = G op(B)^T and d op(B) = op(A)^T G, which with
/// transpose flags avoids materialising any transpose.
extension Variable {
    /// Product of 2-D values: `op(self) [m, k] x op(other) [k, n] -> [m, n]`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func matmul(_ other: Variable, transposeSelf tA: Bool = false, transposeOther tB: Bool = false) -> Variable {
        precondition(rank2(self) && rank2(other), "matmul needs 2-D values, got \(shape) and \(other.shape)")
        let m = tA ? shape[1] : shape[0], k = tA ? shape[0] : shape[1]
        let k2 = tB ? other.shape[1] : other.shape[0], n = tB ? other.shape[0] : other.shape[1]
        precondition(k == k2, "matmul inner sizes differ: \(shape)\(tA ? "^T" : "") x \(other.shape)\(tB ? "^T" : "")")
        let out = Variable.gemm(value, other.value, tA, tB, batch: 1, m: m, n: n, k: k, threads: tape.threads)
        let a = self, b = other
        return tape.record(out, inputs: [a, b]) { c in
            let g = c.gradient
            let ga = c.needs[0] ? (tA ? b.matmul(g, transposeSelf: tB, transposeOther: true)
                                      : g.matmul(b, transposeSelf: false, transposeOther: !tB)) : nil
            let gb = c.needs[1] ? (tB ? g.matmul(a, transposeSelf: true, transposeOther: tA)
                                      : a.matmul(g, transposeSelf: !tA, transposeOther: false)) : nil
            return [ga, gb]
        }
    }

    /// Batched product of 3-D values: `[B, m, k] x [B, k, n] -> [B, m, n]`
    /// (with the same transpose flags per batch item).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func batchedMatmul(_ other: Variable, transposeSelf tA: Bool = false, transposeOther tB: Bool = false) -> Variable {
        precondition(shape.count == 3 && other.shape.count == 3 && shape[0] == other.shape[0],
                     "batchedMatmul needs [B, m, k] and [B, k, n], got \(shape) and \(other.shape)")
        let batch = shape[0]
        let m = tA ? shape[2] : shape[1], k = tA ? shape[1] : shape[2]
        let k2 = tB ? other.shape[2] : other.shape[1], n = tB ? other.shape[1] : other.shape[2]
        precondition(k == k2, "batchedMatmul inner sizes differ: \(shape) x \(other.shape)")
        let out = Variable.gemm(value, other.value, tA, tB, batch: batch, m: m, n: n, k: k, threads: tape.threads)
        let a = self, b = other
        return tape.record(out, inputs: [a, b]) { c in
            let g = c.gradient
            let ga = c.needs[0] ? (tA ? b.batchedMatmul(g, transposeSelf: tB, transposeOther: true)
                                      : g.batchedMatmul(b, transposeSelf: false, transposeOther: !tB)) : nil
            let gb = c.needs[1] ? (tB ? g.batchedMatmul(a, transposeSelf: true, transposeOther: tA)
                                      : a.batchedMatmul(g, transposeSelf: !tA, transposeOther: false)) : nil
            return [ga, gb]
        }
    }

    private func rank2(_ v: Variable) -> Bool { v.shape.count == 2 }

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    static func gemm(_ a: Tensor<S>, _ b: Tensor<S>, _ tA: Bool, _ tB: Bool,
                     batch: Int, m: Int, n: Int, k: Int, threads: Int) -> Tensor<S> {
        var out = [S](repeating: 0, count: batch * m * n)
        let lda = tA ? m : k, ldb = tB ? k : n
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    for i in 0..<batch {
                        guard let baseA = pa.baseAddress, let baseB = pb.baseAddress, let baseC = pc.baseAddress else { return }
                        S.gemm(GemmProblem(transA: tA, transB: tB, m: m, n: n, k: k,
                                           a: baseA + i * m * k, lda: lda, b: baseB + i * k * n, ldb: ldb,
                                           c: baseC + i * m * n, ldc: n, accumulate: false), threads: threads)
                    }
                }
            }
        }
        return Tensor(shape: batch == 1 && a.rank == 2 ? [m, n] : [batch, m, n], data: out)
    }
}
