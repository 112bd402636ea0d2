import Engine

/// What a quasi-Newton method does with a curvature pair whose y's is not safely
/// positive (s'y ≤ √ε_mach ‖s‖ ‖y‖, which covers y's = 0 and y's < 0).
///
/// - `skip`: keep the approximation unchanged.
/// - `damped`: Powell's damping (Nocedal and Wright, Procedure 18.2): replace y by
///   r = θ y + (1 - θ) B s with θ = 0.8 s'Bs / (s'Bs - s'y), so that s'r = 0.2 s'Bs > 0.
/// Pairs with comfortably positive curvature are always used unchanged, so on convex
/// problems both policies give the textbook method.
public enum CurvaturePolicy: String, Sendable, CaseIterable {
    case skip
    case damped

    /// What happened to one pair.
    enum Outcome: Equatable {
        case accepted
        case damped
        case skipped
    }

    /// Whether y's is too small to use as it is.
    static func isDeficient<S: Scalar>(sy: S, sNorm: S, yNorm: S) -> Bool {
        !(sy > S.ulpOfOne.squareRoot() * sNorm * yNorm)
    }

    /// The pair to use for y (possibly damped) or nil to skip. `bs` is B s for the
    /// matrix B being updated (the inverse of H).
    func resolve<S: Scalar>(s: [S], y: [S], bs: () -> [S]) -> (y: [S]?, outcome: Outcome) {
        let sy = VectorMath.dot(s, y)
        guard sy.isFinite, VectorMath.allFinite(y) else { return (nil, .skipped) }
        if !CurvaturePolicy.isDeficient(sy: sy, sNorm: VectorMath.norm(s), yNorm: VectorMath.norm(y)) {
            return (y, .accepted)
        }
        guard self == .damped else { return (nil, .skipped) }
        let b = bs()
        let sBs = VectorMath.dot(s, b)
        guard sBs > 0, sBs.isFinite else { return (nil, .skipped) }
        let theta = S(0.8) * sBs / (sBs - sy)
        var r = VectorMath.scaled(b, 1 - theta)
        VectorMath.axpy(theta, y, &r)
        return (r, .damped)
    }

    static var names: [String] { allCases.map(\.rawValue) }
}
