import Engine

/// A limited-memory SR1 matrix in compact form (Byrd, Nocedal and Schnabel,
/// "Representations of quasi-Newton matrices and their use in limited memory
/// methods", Math. Programming 63, 1994, Theorem 5.1):
///
/// - Hessian form: B = γI + Ψ M⁻¹ Ψ' with Ψ = Y - γS and M = D + L + L' - γ S'S,
///   where D = diag(s_i'y_i) and L_ij = s_i'y_j for i > j; γ = ‖y‖ / ‖s‖.
/// - Inverse form: H = γI + Ψ M⁻¹ Ψ' with Ψ = S - γY and M = D + L̃ + L̃' - γ Y'Y,
///   L̃_ij = y_i's_j for i > j (the same formula with S and Y swapped); γ = ‖s‖ / ‖y‖.
/// γ (the geometric mean of the Barzilai-Borwein scalings, which each make SR1
/// degenerate; see `DenseSR1Update`) is fixed from the first pair with s'y > 0 stored
/// into an empty memory. A pair is
/// stored only if it passes the SR1 safeguard (Nocedal and Wright eq. 6.26, or its
/// inverse form); the oldest pair is dropped beyond `capacity`. Products cost
/// O(m n) for m stored pairs; the m x m matrix M (possibly indefinite) is factorized
/// by LU with pivoting, and when it is numerically singular the oldest pairs are
/// dropped until it is not.
struct CompactSR1<S: Scalar>: CurvatureModel {
    let capacity: Int
    let inverse: Bool
    let skipThreshold: S
    /// S (Hessian form) or Y (inverse form).
    private var first: [[S]] = []
    /// Y (Hessian form) or S (inverse form).
    private var second: [[S]] = []
    /// cross[i][j] = first_i · second_j.
    private var cross: [[S]] = []
    /// gram[i][j] = first_i · first_j.
    private var gram: [[S]] = []
    private var psi: [[S]] = []
    private var factor: SmallLU<S>?
    private(set) var gamma: S = 1
    private var gammaFixed = false

    init(capacity: Int, inverse: Bool, skipThreshold: S) {
        precondition(capacity >= 1, "L-SR1 memory must hold at least one pair")
        self.capacity = capacity
        self.inverse = inverse
        self.skipThreshold = skipThreshold
    }

    /// Number of stored pairs.
    var count: Int { first.count }

    /// The matrix (B or H) times v.
    func apply(_ v: [S]) -> [S] {
        var out = VectorMath.scaled(v, gamma)
        guard let factor, !psi.isEmpty else { return out }
        let w = factor.solve(psi.map { VectorMath.dot($0, v) })
        for i in 0..<psi.count { VectorMath.axpy(w[i], psi[i], &out) }
        return out
    }

    // MARK: CurvatureModel (inverse form)

    var isInitial: Bool { first.isEmpty && !gammaFixed }

    func direction(_ g: [S]) -> [S] {
        precondition(inverse, "direction needs the inverse form")
        return VectorMath.scaled(apply(g), -1)
    }

    mutating func reset() {
        first.removeAll(); second.removeAll(); cross.removeAll(); gram.removeAll(); psi.removeAll()
        factor = nil
        gamma = 1
        gammaFixed = false
    }

    mutating func update(s: [S], y: [S], gradient: [S], step: S) -> CurvaturePolicy.Outcome {
        add(s: s, y: y)
    }

    /// Stores the pair (s, y) if it passes the SR1 safeguard.
    mutating func add(s: [S], y: [S]) -> CurvaturePolicy.Outcome {
        guard VectorMath.allFinite(s), VectorMath.allFinite(y) else { return .skipped }
        let (a, b) = inverse ? (y, s) : (s, y)
        if first.isEmpty && !gammaFixed {
            if VectorMath.dot(a, b) > 0 {
                gamma = VectorMath.norm(b) / VectorMath.norm(a)
                gammaFixed = true
            }
        }
        let residual = VectorMath.subtracting(b, apply(a))
        let residualNorm = VectorMath.norm(residual)
        if residualNorm == 0 { return .accepted }
        let denominator = VectorMath.dot(a, residual)
        guard denominator.isFinite, abs(denominator) >= skipThreshold * VectorMath.norm(a) * residualNorm else {
            return .skipped
        }
        if first.count == capacity { dropOldest() }
        for i in 0..<first.count {
            cross[i].append(VectorMath.dot(first[i], b))
            gram[i].append(VectorMath.dot(first[i], a))
        }
        first.append(a)
        second.append(b)
        cross.append(second.map { VectorMath.dot(a, $0) })
        gram.append(first.map { VectorMath.dot(a, $0) })
        psi.append(VectorMath.adding(b, -gamma, a))
        refactor()
        return first.isEmpty ? .skipped : .accepted
    }

    private mutating func dropOldest() {
        first.removeFirst(); second.removeFirst(); psi.removeFirst()
        cross.removeFirst(); gram.removeFirst()
        for i in 0..<cross.count { cross[i].removeFirst(); gram[i].removeFirst() }
    }

    /// Factorizes M, dropping the oldest pairs while it is numerically singular.
    private mutating func refactor() {
        while !first.isEmpty {
            let k = first.count
            var m = [S](repeating: 0, count: k * k)
            for i in 0..<k {
                for j in 0..<k {
                    let sy = i == j ? cross[i][i] : (i > j ? cross[i][j] : cross[j][i])
                    m[i * k + j] = sy - gamma * gram[i][j]
                }
            }
            if let lu = SmallLU(size: k, matrix: m, relativeTolerance: S.ulpOfOne * 1000) {
                factor = lu
                return
            }
            dropOldest()
        }
        factor = nil
    }
}
