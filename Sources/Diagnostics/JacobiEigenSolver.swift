/// Eigen-decomposition of a dense real symmetric matrix by the cyclic Jacobi
/// method (Golub and Van Loan, Matrix Computations, 4th ed., Algorithms 8.5.1
/// and 8.5.3).
///
/// Each rotation J(p, q, theta) zeroes A[p, q] with t = tan(theta) the smaller root
/// of t^2 + 2 tau t - 1 = 0, tau = (A[q, q] - A[p, p]) / (2 A[p, q]); sweeps over all
/// pairs repeat until the off-diagonal Frobenius norm is below eps times the
/// matrix's. Quadratically convergent and accurate; O(n^3) per sweep, so meant
/// for small matrices such as dense Hessians of tiny models.
public enum JacobiEigenSolver {
    /// Eigenvalues (ascending) and orthonormal eigenvectors of the symmetric
    /// matrix given as rows. Only symmetric input is meaningful: the strictly
    /// lower triangle is ignored (the upper one is mirrored).
    public static func decompose(_ rows: [[Double]], maxSweeps: Int = 100) -> EigenDecomposition {
        let n = rows.count
        precondition(rows.allSatisfy { $0.count == n }, "Jacobi needs a square matrix")
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                precondition(rows[i][j].isFinite, "matrix entries must be finite")
                a[i * n + j] = rows[i][j]
                a[j * n + i] = rows[i][j]
            }
        }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }

        let total = a.reduce(0) { $0 + $1 * $1 }
        var sweeps = 0
        while offDiagonalSquares(a, n) > Double.ulpOfOne * Double.ulpOfOne * total {
            sweeps += 1
            precondition(sweeps <= maxSweeps, "Jacobi iteration did not converge in \(maxSweeps) sweeps")
            for p in 0..<n {
                for q in (p + 1)..<n where a[p * n + q] != 0 {
                    rotate(&a, &v, n, p, q)
                }
            }
        }
        let values = (0..<n).map { a[$0 * n + $0] }
        let columns = (0..<n).map { j in (0..<n).map { i in v[i * n + j] } }
        return EigenDecomposition.sorted(values: values, columns: columns)
    }

    /// Eigenvalues (ascending) of the symmetric matrix given as rows.
    public static func eigenvalues(_ rows: [[Double]]) -> [Double] { decompose(rows).values }

    private static func offDiagonalSquares(_ a: [Double], _ n: Int) -> Double {
        var s = 0.0
        for i in 0..<n { for j in 0..<n where j != i { s += a[i * n + j] * a[i * n + j] } }
        return s
    }

    /// A <- J^T A J and V <- V J for the rotation that zeroes A[p, q]
    /// (the symmetric 2x2 Schur decomposition, Algorithm 8.5.1).
    private static func rotate(_ a: inout [Double], _ v: inout [Double], _ n: Int, _ p: Int, _ q: Int) {
        let apq = a[p * n + q]
        let tau = (a[q * n + q] - a[p * n + p]) / (2 * apq)
        let t = StableMath.withSign(1, of: tau) / (abs(tau) + StableMath.hypot(1, tau))
        let c = 1 / (1 + t * t).squareRoot()
        let s = t * c
        a[p * n + p] -= t * apq
        a[q * n + q] += t * apq
        a[p * n + q] = 0
        a[q * n + p] = 0
        for r in 0..<n where r != p && r != q {
            let arp = a[r * n + p], arq = a[r * n + q]
            a[r * n + p] = c * arp - s * arq
            a[p * n + r] = a[r * n + p]
            a[r * n + q] = s * arp + c * arq
            a[q * n + r] = a[r * n + q]
        }
        for r in 0..<n {
            let vp = v[r * n + p], vq = v[r * n + q]
            v[r * n + p] = c * vp - s * vq
            v[r * n + q] = s * vp + c * vq
        }
    }
}
