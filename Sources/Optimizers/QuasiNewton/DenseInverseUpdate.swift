import Engine

/// A dense inverse-Hessian approximation H updated by the BFGS or DFP formula.
///
/// - BFGS, Nocedal and Wright eq. 6.17: H+ = (I - ρ s y') H (I - ρ y s') + ρ s s',
///   ρ = 1 / y's, computed as H - ρ (s (Hy)' + (Hy) s') + (ρ² y'Hy + ρ) s s'.
/// - DFP, eq. 6.15: H+ = H - (Hy)(Hy)' / (y'Hy) + s s' / (y's).
/// H starts as I and, before the first update, is rescaled to (y's / y'y) I
/// (eq. 6.20). Pairs with y's not safely positive follow the `CurvaturePolicy`.
struct DenseInverseUpdate<S: Scalar>: CurvatureModel {
    enum Formula { case bfgs, dfp }

    let formula: Formula
    let policy: CurvaturePolicy
    private(set) var h: DenseSymmetricMatrix<S>
    private var updated = false

    init(dimension: Int, formula: Formula, policy: CurvaturePolicy) {
        self.formula = formula
        self.policy = policy
        self.h = DenseSymmetricMatrix(identity: dimension)
    }

    var isInitial: Bool { !updated }

    func direction(_ g: [S]) -> [S] { VectorMath.scaled(h.multiply(g), -1) }

    mutating func reset() {
        h = DenseSymmetricMatrix(identity: h.dimension)
        updated = false
    }

    mutating func update(s: [S], y: [S], gradient: [S], step: S) -> CurvaturePolicy.Outcome {
        let (usable, outcome) = policy.resolve(s: s, y: y) { VectorMath.scaled(gradient, -step) }
        guard let y = usable else { return .skipped }
        if !updated && outcome == .accepted {
            h = DenseSymmetricMatrix(identity: h.dimension, scale: VectorMath.dot(s, y) / VectorMath.dot(y, y))
        }
        let hy = h.multiply(y)
        let sy = VectorMath.dot(s, y)
        let yhy = VectorMath.dot(y, hy)
        guard sy > 0, yhy > 0, sy.isFinite, yhy.isFinite else { return .skipped }
        switch formula {
        case .bfgs:
            let rho = 1 / sy
            h.addSymmetric(alpha: -rho, s, hy, beta: rho * rho * yhy + rho, s)
        case .dfp:
            h.addSymmetric(alpha: -1 / (2 * yhy), hy, hy, beta: 1 / sy, s)
        }
        updated = true
        return outcome
    }
}
