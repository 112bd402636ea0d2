import Engine

/// Approximate minimizer of the trust-region model m(p) = g'p + ½ p'Bp subject to
/// ‖p‖ ≤ Δ by CG-Steihaug, Nocedal and Wright, Algorithm 7.2.
///
/// CG runs from p = 0 until the residual ‖Bp + g‖ falls below the tolerance, the
/// iterate leaves the region (the step is cut at the boundary), or a direction of
/// non-positive curvature appears (the step follows it to the boundary, choosing of
/// the two crossings the one with the lower model value). B only enters through
/// products, so it may be indefinite.
enum SteihaugCG {
    struct Result<S: Scalar> {
        /// The step p.
        var step: [S]
        /// m(p) = g'p + ½ p'Bp (negative: the predicted decrease is -m(p)).
        var modelValue: S
        var iterations: Int
        var hitBoundary: Bool
        var negativeCurvature: Bool
    }

    /// Solves the subproblem for gradient `g`, radius `radius`, residual tolerance
    /// `tolerance`, at most `maxIterations` products `product(v) = B v`.
    static func solve<S: Scalar>(gradient g: [S], radius: S, tolerance: S, maxIterations: Int,
                                 product: ([S]) -> [S]) -> Result<S> {
        precondition(radius > 0 && maxIterations >= 1, "SteihaugCG: need a positive radius and iteration budget")
        var z = [S](repeating: 0, count: g.count)
        var r = g
        var d = VectorMath.scaled(g, -1)
        var rr = VectorMath.dot(r, r)
        var model: S = 0
        if rr.squareRoot() <= tolerance {
            return Result(step: z, modelValue: 0, iterations: 0, hitBoundary: false, negativeCurvature: false)
        }
        for j in 0..<maxIterations {
            let bd = product(d)
            let curvature = VectorMath.dot(d, bd)
            let rd = VectorMath.dot(r, d)
            if !(curvature > 0) {
                // m(z + τd) = m(z) + τ r'd + ½ τ² d'Bd; take the better boundary crossing.
                let (tauMinus, tauPlus) = boundaryCrossings(z, d, radius)
                let mMinus = tauMinus * rd + curvature * tauMinus * tauMinus / 2
                let mPlus = tauPlus * rd + curvature * tauPlus * tauPlus / 2
                let tau = mPlus <= mMinus ? tauPlus : tauMinus
                VectorMath.axpy(tau, d, &z)
                return Result(step: z, modelValue: model + min(mPlus, mMinus), iterations: j + 1,
                              hitBoundary: true, negativeCurvature: true)
            }
            let alpha = rr / curvature
            let next = VectorMath.adding(z, alpha, d)
            if VectorMath.norm(next) >= radius {
                let tau = boundaryCrossings(z, d, radius).plus
                VectorMath.axpy(tau, d, &z)
                return Result(step: z, modelValue: model + tau * rd + curvature * tau * tau / 2, iterations: j + 1,
                              hitBoundary: true, negativeCurvature: false)
            }
            model += alpha * rd + curvature * alpha * alpha / 2
            z = next
            VectorMath.axpy(alpha, bd, &r)
            let rrNext = VectorMath.dot(r, r)
            if rrNext.squareRoot() <= tolerance {
                return Result(step: z, modelValue: model, iterations: j + 1, hitBoundary: false, negativeCurvature: false)
            }
            let beta = rrNext / rr
            rr = rrNext
            VectorMath.scale(&d, by: beta)
            VectorMath.axpy(-1, r, &d)
        }
        return Result(step: z, modelValue: model, iterations: maxIterations, hitBoundary: false, negativeCurvature: false)
    }

    /// The roots τ- ≤ 0 ≤ τ+ of ‖z + τ d‖ = Δ (for ‖z‖ ≤ Δ).
    static func boundaryCrossings<S: Scalar>(_ z: [S], _ d: [S], _ radius: S) -> (minus: S, plus: S) {
        let dd = VectorMath.dot(d, d), zd = VectorMath.dot(z, d), zz = VectorMath.dot(z, z)
        let discriminant = max(0, zd * zd + dd * (radius * radius - zz)).squareRoot()
        // Numerically stable pair: one root by the quadratic formula, the other from the product c/a.
        let q = zd >= 0 ? -(zd + discriminant) : -(zd - discriminant)
        let c = zz - radius * radius
        if q == 0 { return (0, 0) }
        let r1 = q / dd, r2 = c / q
        return (min(r1, r2), max(r1, r2))
    }
}
