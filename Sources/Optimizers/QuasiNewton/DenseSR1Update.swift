import Engine

/// A dense symmetric rank-one approximation of the Hessian (B) or of its inverse (H).
///
/// - Hessian form, Nocedal and Wright eq. 6.24: B+ = B + (y - Bs)(y - Bs)' / ((y - Bs)'s),
///   applied only if |s'(y - Bs)| ≥ r ‖s‖ ‖y - Bs‖ (eq. 6.26), otherwise skipped.
/// - Inverse form, eq. 6.25: H+ = H + (s - Hy)(s - Hy)' / ((s - Hy)'y), with the same
///   safeguard written for H: |y'(s - Hy)| ≥ r ‖y‖ ‖s - Hy‖.
/// The matrix starts as I and, before the first update with s'y > 0, is rescaled to
/// (‖y‖ / ‖s‖) I (Hessian form) or (‖s‖ / ‖y‖) I (inverse form): the geometric mean
/// of the two Barzilai-Borwein scalings. Either of those alone makes SR1 degenerate:
/// eq. 6.20's s'y / y'y zeroes the first denominator (s - H0 y)'y, and s's / s'y gives
/// H1 s0 = H0 s0, so with unit steps the second step is parallel to the first.
/// The matrix may become indefinite.
struct DenseSR1Update<S: Scalar>: CurvatureModel {
    let inverse: Bool
    let skipThreshold: S
    private(set) var matrix: DenseSymmetricMatrix<S>
    private var updated = false

    init(dimension: Int, inverse: Bool, skipThreshold: S) {
        self.inverse = inverse
        self.skipThreshold = skipThreshold
        self.matrix = DenseSymmetricMatrix(identity: dimension)
    }

    var isInitial: Bool { !updated }

    func direction(_ g: [S]) -> [S] {
        precondition(inverse, "direction needs the inverse form")
        return VectorMath.scaled(matrix.multiply(g), -1)
    }

    mutating func reset() {
        matrix = DenseSymmetricMatrix(identity: matrix.dimension)
        updated = false
    }

    mutating func update(s: [S], y: [S], gradient: [S], step: S) -> CurvaturePolicy.Outcome {
        add(s: s, y: y)
    }

    /// Applies the SR1 update for the pair (s, y) unless the safeguard rejects it.
    mutating func add(s: [S], y: [S]) -> CurvaturePolicy.Outcome {
        guard VectorMath.allFinite(s), VectorMath.allFinite(y) else { return .skipped }
        let (a, b) = inverse ? (y, s) : (s, y)
        if !updated && VectorMath.dot(a, b) > 0 {
            matrix = DenseSymmetricMatrix(identity: matrix.dimension, scale: VectorMath.norm(b) / VectorMath.norm(a))
        }
        let u = VectorMath.subtracting(b, matrix.multiply(a))
        let uNorm = VectorMath.norm(u)
        if uNorm == 0 { updated = true; return .accepted }
        let denominator = VectorMath.dot(u, a)
        guard denominator.isFinite, abs(denominator) >= skipThreshold * VectorMath.norm(a) * uNorm else { return .skipped }
        matrix.addRankOne(beta: 1 / denominator, u)
        updated = true
        return .accepted
    }
}
