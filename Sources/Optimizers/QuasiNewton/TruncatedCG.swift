import Engine

/// Truncated conjugate gradients for the damped Newton system (H + λI) p = -g, the
/// inner solver of Newton-CG (Nocedal and Wright, Algorithm 7.1, with the damping of
/// Martens 2010).
///
/// Starts at p = 0 and stops when ‖(H + λI)p + g‖ ≤ `tolerance`, after `maxIterations`
/// products, or when a direction d has d'(H + λI)d ≤ 0 (negative curvature): then the
/// current iterate is returned, or -g if that happens on the first iteration.
enum TruncatedCG {
    struct Result<S: Scalar> {
        var step: [S]
        /// p'Hp of the undamped Hessian (for the reduction ratio's quadratic model).
        var curvature: S
        var iterations: Int
        var negativeCurvature: Bool
    }

    /// Solves with `product(v)` = H v (one Hessian-vector product per iteration).
    static func solve<S: Scalar>(gradient g: [S], damping lambda: S, tolerance: S, maxIterations: Int,
                                 product: ([S]) -> [S]) -> Result<S> {
        precondition(maxIterations >= 1 && lambda >= 0, "TruncatedCG: invalid settings")
        var p = [S](repeating: 0, count: g.count)
        var r = g
        var d = VectorMath.scaled(g, -1)
        var rr = VectorMath.dot(r, r)
        var iterations = 0
        for j in 0..<maxIterations {
            var ad = product(d)
            let hCurvature = VectorMath.dot(d, ad)
            VectorMath.axpy(lambda, d, &ad)
            let curvature = VectorMath.dot(d, ad)
            iterations = j + 1
            if !(curvature > 0) {
                if j == 0 {
                    return Result(step: d, curvature: hCurvature, iterations: 1, negativeCurvature: true)
                }
                return Result(step: p, curvature: undampedCurvature(p, r, g, lambda), iterations: iterations,
                              negativeCurvature: true)
            }
            let alpha = rr / curvature
            VectorMath.axpy(alpha, d, &p)
            VectorMath.axpy(alpha, ad, &r)
            let rrNext = VectorMath.dot(r, r)
            if rrNext.squareRoot() <= tolerance { break }
            VectorMath.scale(&d, by: rrNext / rr)
            VectorMath.axpy(-1, r, &d)
            rr = rrNext
        }
        return Result(step: p, curvature: undampedCurvature(p, r, g, lambda), iterations: iterations, negativeCurvature: false)
    }

    /// p'Hp from the CG residual r = (H + λI)p + g: p'(r - g) - λ p'p.
    static func undampedCurvature<S: Scalar>(_ p: [S], _ r: [S], _ g: [S], _ lambda: S) -> S {
        VectorMath.dot(p, r) - VectorMath.dot(p, g) - lambda * VectorMath.dot(p, p)
    }
}
