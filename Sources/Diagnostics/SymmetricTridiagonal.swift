/// A real symmetric tridiagonal matrix T with `diagonal` a_0..a_{n-1} and
/// `offDiagonal` b_0..b_{n-2} (b_i = T[i, i+1] = T[i+1, i]), and its
/// eigen-decomposition by the implicit symmetric QR algorithm with Wilkinson
/// shifts (Golub and Van Loan, Matrix Computations, 4th ed., Algorithms 8.3.2
/// and 8.3.3).
///
/// Each QR step chases a bulge down the active unreduced block with Givens
/// rotations; an off-diagonal entry is set to zero once
/// |b_i| <= eps (|a_i| + |a_{i+1}|). With the Wilkinson shift (the eigenvalue of
/// the trailing 2x2 block nearer its last diagonal entry) convergence is
/// global and usually cubic, so a few steps per eigenvalue suffice.
public struct SymmetricTridiagonal: Sendable, Equatable {
    /// Diagonal entries, n of them.
    public var diagonal: [Double]
    /// Off-diagonal entries, n - 1 of them (none for n <= 1).
    public var offDiagonal: [Double]

    /// The matrix with the given diagonals; all entries must be finite.
    public init(diagonal: [Double], offDiagonal: [Double]) {
        precondition(offDiagonal.count == Swift.max(diagonal.count - 1, 0),
                     "a tridiagonal matrix of order \(diagonal.count) has \(Swift.max(diagonal.count - 1, 0)) off-diagonal entries, got \(offDiagonal.count)")
        precondition(diagonal.allSatisfy(\.isFinite) && offDiagonal.allSatisfy(\.isFinite),
                     "tridiagonal entries must be finite")
        self.diagonal = diagonal
        self.offDiagonal = offDiagonal
    }

    /// Order of the matrix.
    public var order: Int { diagonal.count }

    /// Eigenvalues in ascending order.
    public func eigenvalues() -> [Double] {
        var work = Work(self, vectors: false)
        work.diagonalize()
        return work.d.sorted()
    }

    /// Eigenvalues (ascending) with orthonormal eigenvectors.
    public func eigenDecomposition() -> EigenDecomposition {
        var work = Work(self, vectors: true)
        work.diagonalize()
        let n = order
        let columns = (0..<n).map { j in (0..<n).map { i in work.v[i * n + j] } }
        return EigenDecomposition.sorted(values: work.d, columns: columns)
    }

    /// The QR iteration state: current diagonal `d`, off-diagonal `e`, and the
    /// accumulated rotations `v` (row-major, n x n) with T = V D V^T at the end.
    private struct Work {
        var d: [Double]
        var e: [Double]
        var v: [Double]
        let n: Int
        let wantVectors: Bool

        init(_ t: SymmetricTridiagonal, vectors: Bool) {
            n = t.order
            d = t.diagonal
            e = t.offDiagonal
            wantVectors = vectors
            v = []
            if vectors {
                v = [Double](repeating: 0, count: n * n)
                for i in 0..<n { v[i * n + i] = 1 }
            }
        }

        /// Deflates and takes QR steps on the bottom unreduced block until the
        /// matrix is diagonal (Golub and Van Loan, Algorithm 8.3.3).
        mutating func diagonalize() {
            var hi = n - 1
            var steps = 0
            while hi > 0 {
                for i in 0..<hi where abs(e[i]) <= Double.ulpOfOne * (abs(d[i]) + abs(d[i + 1])) {
                    e[i] = 0
                }
                if e[hi - 1] == 0 { hi -= 1; continue }
                var lo = hi - 1
                while lo > 0 && e[lo - 1] != 0 { lo -= 1 }
                steps += 1
                precondition(steps <= 30 * n, "tridiagonal QR iteration did not converge")
                qrStep(lo: lo, hi: hi)
            }
        }

        /// One implicit symmetric QR step with Wilkinson shift on the unreduced
        /// block lo...hi (Golub and Van Loan, Algorithm 8.3.2).
        mutating func qrStep(lo: Int, hi: Int) {
            // Wilkinson shift: eigenvalue of [[a, b], [b, c]] (trailing block) nearest c,
            // written mu = c - b^2 / (delta + sign(delta) sqrt(delta^2 + b^2)) to avoid cancellation.
            let a = d[hi - 1], b = e[hi - 1], c = d[hi]
            let delta = (a - c) / 2
            let denominator = delta + StableMath.withSign(StableMath.hypot(delta, b), of: delta)
            let mu = c - b * (b / denominator)

            // The first rotation is chosen as in an explicit QR step on T - mu I; it
            // creates a bulge at (lo+2, lo) that the following rotations push down.
            var x = d[lo] - mu
            var z = e[lo]
            for k in lo..<hi {
                let r = StableMath.hypot(x, z)
                let (cs, sn) = r == 0 ? (1.0, 0.0) : (x / r, z / r)
                if k > lo { e[k - 1] = r }   // the rotation annihilates the bulge at (k+1, k-1)
                // Rotate rows and columns k, k+1: T <- R T R^T with R = [[c, s], [-s, c]].
                let dk = d[k], ek = e[k], dk1 = d[k + 1]
                d[k] = cs * cs * dk + 2 * cs * sn * ek + sn * sn * dk1
                d[k + 1] = sn * sn * dk - 2 * cs * sn * ek + cs * cs * dk1
                e[k] = cs * sn * (dk1 - dk) + (cs * cs - sn * sn) * ek
                if k + 1 < hi {
                    z = sn * e[k + 1]          // new bulge at (k+2, k)
                    e[k + 1] = cs * e[k + 1]
                    x = e[k]
                }
                if wantVectors {
                    // V <- V R^T keeps T_original = V T V^T.
                    for i in 0..<n {
                        let p = v[i * n + k], q = v[i * n + k + 1]
                        v[i * n + k] = cs * p + sn * q
                        v[i * n + k + 1] = -sn * p + cs * q
                    }
                }
            }
        }
    }
}
