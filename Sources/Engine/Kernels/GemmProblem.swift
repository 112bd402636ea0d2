/// One row-major matrix product `C = op(A) * op(B)` (or `C += ...` when
/// `accumulate` is set), where `op(X)` is `X` or its transpose.
///
/// `op(A)` is m x k, `op(B)` is k x n, `C` is m x n. Leading dimensions are the
/// row strides of the stored (untransposed) matrices.
public struct GemmProblem<S: Scalar>: @unchecked Sendable {
    public var transA: Bool, transB: Bool
    public var m: Int, n: Int, k: Int
    public var a: UnsafePointer<S>, lda: Int
    public var b: UnsafePointer<S>, ldb: Int
    public var c: UnsafeMutablePointer<S>, ldc: Int
    public var accumulate: Bool

    public init(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                a: UnsafePointer<S>, lda: Int, b: UnsafePointer<S>, ldb: Int,
                c: UnsafeMutablePointer<S>, ldc: Int, accumulate: Bool) {
        self.transA = transA; self.transB = transB
        self.m = m; self.n = n; self.k = k
        self.a = a; self.lda = lda; self.b = b; self.ldb = ldb
        self.c = c; self.ldc = ldc; self.accumulate = accumulate
    }

    /// Element (i, p) of op(A).
    @inlinable public func aAt(_ i: Int, _ p: Int) -> S { transA ? a[p * lda + i] : a[i * lda + p] }
    /// Element (p, j) of op(B).
    @inlinable public func bAt(_ p: Int, _ j: Int) -> S { transB ? b[j * ldb + p] : b[p * ldb + j] }
}
