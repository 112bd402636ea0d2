import Engine

/// LU factorization with partial pivoting of a small dense m x m matrix (the middle
/// matrix of the compact L-SR1 representation), and solves with it.
struct SmallLU<S: Scalar> {
    let size: Int
    private var lu: [S]
    private var pivots: [Int]

    /// Factorizes the row-major `matrix`; nil when a pivot is below
    /// `relativeTolerance` times the largest entry (numerically singular).
    init?(size m: Int, matrix: [S], relativeTolerance: S) {
        precondition(matrix.count == m * m, "SmallLU: matrix must hold m x m values")
        size = m
        lu = matrix
        pivots = Array(0..<m)
        var scale: S = 0
        for v in matrix { scale = max(scale, abs(v)) }
        guard scale > 0, scale.isFinite else { return nil }
        for k in 0..<m {
            var p = k
            for i in (k + 1)..<max(k + 1, m) where abs(lu[i * m + k]) > abs(lu[p * m + k]) { p = i }
            guard abs(lu[p * m + k]) > relativeTolerance * scale else { return nil }
            if p != k {
                for j in 0..<m { lu.swapAt(k * m + j, p * m + j) }
                pivots.swapAt(k, p)
            }
            let pivot = lu[k * m + k]
            for i in (k + 1)..<max(k + 1, m) {
                let factor = lu[i * m + k] / pivot
                lu[i * m + k] = factor
                for j in (k + 1)..<m { lu[i * m + j] -= factor * lu[k * m + j] }
            }
        }
    }

    /// x with A x = b.
    func solve(_ b: [S]) -> [S] {
        let m = size
        var x = pivots.map { b[$0] }
        for i in 0..<m {
            for j in 0..<i { x[i] -= lu[i * m + j] * x[j] }
        }
        for i in stride(from: m - 1, through: 0, by: -1) {
            for j in (i + 1)..<m { x[i] -= lu[i * m + j] * x[j] }
            x[i] /= lu[i * m + i]
        }
        return x
    }
}
