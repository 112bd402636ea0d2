/// Eigendecomposition of a real symmetric matrix by the cyclic Jacobi method
/// (Golub and Van Loan, "Matrix Computations", 4th ed., §8.5.2; the rotation formulas
/// of Press et al., "Numerical Recipes", §11.1), with a fixed sweep order so the
/// result is bit-reproducible.
///
/// A = V diag(λ) Vᵀ with V orthogonal. Each sweep visits the pairs (p, q), p < q, in
/// row order p = 0, 1, …, q = p + 1, …, n − 1 and applies the rotation J(p, q, φ) that
/// zeroes a_pq: θ = (a_qq − a_pp) / (2 a_pq), t = tan φ = sign(θ) / (|θ| + √(θ² + 1)),
/// c = 1 / √(t² + 1), s = t c; A ← Jᵀ A J, V ← V J. Sweeps stop when the off-diagonal
/// sum of squares is at most (1e-15)² times the squared Frobenius norm, or after
/// `maxSweeps` (quadratic convergence needs about 6–10 sweeps for n ≤ 1000).
/// Arithmetic is +, −, ×, ÷ and √ only (IEEE-exact operations), so any platform gives
/// the same bits. Used by Shampoo for inverse fourth roots; Optimizers does not
/// import Diagnostics.
public enum SymmetricEigen {
    /// Eigenvalues and eigenvectors of the symmetric n × n matrix `a` (row-major; only
    /// symmetry of the input is assumed, not checked beyond a precondition on size).
    /// Returns eigenvalues in the order of V's columns (not sorted) and V row-major:
    /// column j of V is the unit eigenvector of `values[j]`.
    public static func decompose(_ a: [Double], n: Int, maxSweeps: Int = 60) -> (values: [Double], vectors: [Double]) {
        precondition(n >= 1 && a.count == n * n, "SymmetricEigen: matrix of \(a.count) entries is not \(n) x \(n)")
        var m = a
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        var frobenius = 0.0
        for x in m { frobenius += x * x }
        guard n > 1 && frobenius > 0 else { return ((0..<n).map { m[$0 * n + $0] }, v) }
        for _ in 0..<maxSweeps {
            var off = 0.0
            for p in 0..<(n - 1) { for q in (p + 1)..<n { off += 2 * m[p * n + q] * m[p * n + q] } }
            if off <= 1e-30 * frobenius { break }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let apq = m[p * n + q]
                    if apq == 0 { continue }
                    let theta = (m[q * n + q] - m[p * n + p]) / (2 * apq)
                    let t: Double = abs(theta) > 1e150
                        ? 1 / (2 * theta)
                        : (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {                      // A ← A J (columns p, q)
                        let akp = m[k * n + p], akq = m[k * n + q]
                        m[k * n + p] = c * akp - s * akq
                        m[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {                      // A ← Jᵀ A (rows p, q)
                        let apk = m[p * n + k], aqk = m[q * n + k]
                        m[p * n + k] = c * apk - s * aqk
                        m[q * n + k] = s * apk + c * aqk
                    }
                    m[p * n + q] = 0
                    m[q * n + p] = 0
                    for k in 0..<n {                      // V ← V J
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { m[$0 * n + $0] }, v)
    }

    /// A^(−1/4) = V diag(max(λ_i, floor)^(−1/4)) Vᵀ for symmetric positive
    /// semidefinite A (row-major n × n). Eigenvalues below `floor` (> 0) are raised to
    /// it, which guards against rounding pushing an eigenvalue of A + εI below ε; the
    /// power is 1 / √√λ (two correctly rounded square roots).
    public static func inverseFourthRoot(_ a: [Double], n: Int, floor: Double) -> [Double] {
        precondition(floor > 0, "SymmetricEigen.inverseFourthRoot: floor must be positive")
        let (values, v) = decompose(a, n: n)
        let scale = values.map { 1 / max($0, floor).squareRoot().squareRoot() }
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                var sum = 0.0
                for k in 0..<n { sum += v[i * n + k] * scale[k] * v[j * n + k] }
                out[i * n + j] = sum
                out[j * n + i] = sum
            }
        }
        return out
    }
}
