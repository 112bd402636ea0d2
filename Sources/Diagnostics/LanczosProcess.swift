import Engine

/// The symmetric Lanczos process with full reorthogonalization (Golub and Van
/// Loan, Matrix Computations, 4th ed., Sections 10.1 and 10.3.1).
///
/// From a unit start vector q_1 it builds an orthonormal basis Q_j of the Krylov
/// space and the tridiagonal T_j = Q_j^T H Q_j (diagonal alpha, off-diagonal beta):
///   w = H q_j - alpha_j q_j - beta_{j-1} q_{j-1},  alpha_j = q_j^T H q_j,
/// then w is orthogonalized against every stored q_i twice (classical Gram-Schmidt
/// applied twice, "twice is enough"), beta_j = ||w||, q_{j+1} = w / beta_j.
/// Keeping the whole basis costs `dimension` doubles per step but removes the
/// spurious copies of converged Ritz values that plain Lanczos produces in
/// floating point.
///
/// When beta_j is negligible the Krylov space is invariant; `restart` then
/// continues with a fresh random vector orthogonal to the basis and a zero
/// coupling, which leaves T_j block diagonal.
struct LanczosProcess {
    let dimension: Int
    private(set) var basis: [[Double]] = []
    private(set) var alphas: [Double] = []
    /// betas[j] couples basis[j] and basis[j + 1].
    private(set) var betas: [Double] = []
    private(set) var hessianVectorProducts = 0
    /// The orthogonalized residual of the last step, awaiting normalization.
    private var residual: [Double] = []
    /// Largest |alpha| or beta seen: a lower bound on ||H||, the scale for deciding breakdown.
    private var scale = 0.0

    /// Starts from `start` (normalized here; must be nonzero).
    init(start: [Double]) {
        dimension = start.count
        let norm = VectorOps.norm(start)
        precondition(norm > 0 && norm.isFinite, "the Lanczos start vector must be nonzero and finite")
        basis = [VectorOps.scaled(start, 1 / norm)]
    }

    /// Number of completed steps (the order of T_j).
    var steps: Int { alphas.count }

    /// The tridiagonal T_j of the completed steps.
    var tridiagonal: SymmetricTridiagonal {
        SymmetricTridiagonal(diagonal: alphas, offDiagonal: Array(betas.prefix(Swift.max(alphas.count - 1, 0))))
    }

    /// One step on the newest basis vector; returns beta_j = ||w||.
    /// Afterwards call `advance()` or `restart(stream:)` before the next step.
    mutating func step<S: Scalar>(hvp: ([S]) -> [S]) -> Double {
        precondition(basis.count == alphas.count + 1, "advance or restart before the next Lanczos step")
        let q = basis[basis.count - 1]
        var w = VectorOps.apply(hvp, to: q)
        hessianVectorProducts += 1
        precondition(w.allSatisfy(\.isFinite), "Hessian-vector product is not finite")
        let alpha = VectorOps.dot(q, w)
        alphas.append(alpha)
        VectorOps.axpy(-alpha, q, &w)
        if let beta = betas.last, basis.count >= 2 {
            VectorOps.axpy(-beta, basis[basis.count - 2], &w)
        }
        orthogonalize(&w)
        residual = w
        let beta = VectorOps.norm(w)
        scale = Swift.max(scale, abs(alpha), beta)
        return beta
    }

    /// True when the last residual is negligible: beta_j <= 1e-10 ||T||, so
    /// dropping it moves no eigenvalue of T_j by more than that.
    var isInvariant: Bool {
        let beta = VectorOps.norm(residual)
        return beta <= 1e-10 * scale
    }

    /// Appends q_{j+1} = w / beta_j.
    mutating func advance() {
        let beta = VectorOps.norm(residual)
        precondition(beta > 0, "cannot advance from an invariant subspace; restart instead")
        betas.append(beta)
        basis.append(VectorOps.scaled(residual, 1 / beta))
        residual = []
    }

    /// Appends a random unit vector orthogonal to the basis with coupling 0.
    /// Returns false when none exists numerically (the basis spans the space).
    mutating func restart(stream: inout RandomStream) -> Bool {
        precondition(basis.count == alphas.count, "restart follows a step")
        guard basis.count < dimension else { return false }
        var w = VectorOps.gaussian(dimension, stream: &stream)
        let before = VectorOps.norm(w)
        orthogonalize(&w)
        let after = VectorOps.norm(w)
        guard after > 1e-8 * before else { return false }
        betas.append(0)
        basis.append(VectorOps.scaled(w, 1 / after))
        residual = []
        return true
    }

    /// w <- (I - Q Q^T)^2 w, coefficients of each pass computed before subtracting.
    private func orthogonalize(_ w: inout [Double]) {
        for _ in 0..<2 {
            let coefficients = basis.map { VectorOps.dot($0, w) }
            for (q, c) in zip(basis, coefficients) { VectorOps.axpy(-c, q, &w) }
        }
    }
}
