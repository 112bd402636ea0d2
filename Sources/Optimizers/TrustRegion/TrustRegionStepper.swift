import Engine

/// One iteration of a trust-region quasi-Newton method (Nocedal and Wright,
/// Algorithm 6.2), shared by SR1 and L-SR1:
///
/// 1. (f, g) at x on the current batch;
/// 2. p from CG-Steihaug on m(p) = g'p + ½ p'Bp, ‖p‖ ≤ Δ, to residual
///    min(0.5, √‖g‖) ‖g‖ (N&W eq. 7.10's forcing sequence);
/// 3. (f, g) at x + p on the same batch; ρ = (f(x) - f(x + p)) / (-m(p));
/// 4. x ← x + p if ρ > η, else the step is rejected (counted);
/// 5. B is updated from s = p, y = g(x + p) - g(x) whether or not the step was
///    taken (as Algorithm 6.2 does); the radius follows `TrustRegionRadius`.
struct TrustRegionStepper<S: Scalar> {
    var radius: TrustRegionRadius<S>
    var cache = EvaluationCache<S>()

    init(radius: TrustRegionRadius<S>) { self.radius = radius }

    /// `product(v)` = B v; `maxIterations` caps CG; `update(s, y)` updates B.
    mutating func step(_ x: inout [S], oracle: Oracle<S>, maxIterations: Int, product: ([S]) -> [S],
                       update: ([S], [S]) -> CurvaturePolicy.Outcome) -> StepReport<S> {
        let (f, g) = cache.start(x, oracle: oracle)
        let gNorm = VectorMath.norm(g)
        var report = StepReport(value: f, gradientNorm: gNorm, learningRate: 0, moved: false)
        report.trustRadius = radius.radius
        guard gNorm > 0, f.isFinite, gNorm.isFinite else { return report }

        let tolerance = min(S(0.5), gNorm.squareRoot()) * gNorm
        let sub = SteihaugCG.solve(gradient: g, radius: radius.radius, tolerance: tolerance,
                                   maxIterations: maxIterations, product: product)
        report.cgIterations = sub.iterations
        report.negativeCurvature = sub.negativeCurvature
        let s = sub.step
        let trial = VectorMath.adding(x, 1, s)
        let (fTrial, gTrial) = oracle.valueAndGradient(trial)
        let predicted = -sub.modelValue
        var ratio = (f - fTrial) / predicted
        if !(predicted > 0) || !fTrial.isFinite || !ratio.isFinite { ratio = -S.infinity }
        let accepted = radius.accepts(ratio)

        let y = VectorMath.subtracting(gTrial, g)
        switch update(s, y) {
        case .accepted: break
        case .damped: report.dampedUpdate = true
        case .skipped: report.skippedUpdate = true
        }
        radius.update(ratio: ratio, stepNorm: VectorMath.norm(s))
        report.trustRadius = radius.radius
        report.newValue = fTrial
        if accepted {
            x = trial
            cache.store(x, value: fTrial, gradient: gTrial, oracle: oracle)
            report.moved = true
            report.learningRate = 1
        } else {
            report.trustRegionRejected = true
        }
        return report
    }
}
