import Engine

/// One iteration of a line-search quasi-Newton method, shared by BFGS, DFP, the
/// line-search SR1 variants and L-BFGS:
///
/// 1. (f, g) at x on the current batch;
/// 2. p = -H g; if g'p is not negative (or p not finite) H is reset and p = -g;
/// 3. line search from α0 = lr, shortened to lr · min(1, 1/‖g‖) while H is the
///    unscaled identity (its first step would otherwise have length lr ‖g‖);
/// 4. on success x ← x + α p and H is updated from s = x_new - x and
///    y = g(x_new; B) - g(x; B): both gradients on the same batch;
///    when no lower point is found x stays and H is reset.
struct LineSearchStepper<S: Scalar> {
    let lineSearch: any LineSearch<S>
    let lr: S
    var cache = EvaluationCache<S>()

    init(lineSearch: any LineSearch<S>, lr: S) {
        precondition(lr > 0, "learning rate must be positive")
        self.lineSearch = lineSearch
        self.lr = lr
    }

    mutating func step<M: CurvatureModel>(_ x: inout [S], oracle: Oracle<S>, model: inout M) -> StepReport<S> where M.S == S {
        let (f, g) = cache.start(x, oracle: oracle)
        let gNorm = VectorMath.norm(g)
        var report = StepReport(value: f, gradientNorm: gNorm, learningRate: 0, moved: false)
        guard gNorm > 0, f.isFinite, gNorm.isFinite else { return report }

        var p = model.direction(g)
        var slope = VectorMath.dot(g, p)
        if !(slope < 0) || !slope.isFinite {
            model.reset()
            p = VectorMath.scaled(g, -1)
            slope = -gNorm * gNorm
            report.directionReset = true
        }
        var alpha0 = lr
        if model.isInitial && !(lineSearch is FixedStep<S>) { alpha0 = lr * min(1, 1 / gNorm) }

        let result = lineSearch.search(oracle: oracle, x: x, value: f, gradient: g, direction: p, slope: slope,
                                       initialStep: alpha0, needsGradient: true)
        report.lineSearchEvaluations = result.evaluations
        report.lineSearchFailed = !result.satisfied
        guard result.moved, let gNew = result.gradient else {
            model.reset()
            cache.clear()
            return report
        }
        let s = VectorMath.subtracting(result.point, x)
        let y = VectorMath.subtracting(gNew, g)
        switch model.update(s: s, y: y, gradient: g, step: result.step) {
        case .accepted: break
        case .damped: report.dampedUpdate = true
        case .skipped: report.skippedUpdate = true
        }
        x = result.point
        cache.store(x, value: result.value, gradient: gNew, oracle: oracle)
        report.moved = true
        report.learningRate = result.step
        report.newValue = result.value
        return report
    }
}
