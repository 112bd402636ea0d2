import Engine

/// Line search for the strong Wolfe conditions
/// f(x + αp) ≤ f(x) + c1 α ∇f·p and |∇f(x + αp)·p| ≤ c2 |∇f·p|,
/// Nocedal and Wright, Numerical Optimization (2nd ed.), Algorithm 3.5 (bracketing)
/// with Algorithm 3.6 (zoom).
///
/// Defaults c1 = 1e-4, c2 = 0.9 (N&W's values for quasi-Newton methods), at most 25
/// evaluations, α_max = 1e10. Bracketing doubles α. Zoom takes the minimizer of the
/// cubic interpolating φ and φ' at both ends (N&W eq. 3.59), falling back to the
/// quadratic through φ(lo), φ'(lo), φ(hi) and then to bisection whenever the trial
/// is not finite or lies within 10% of the bracket's ends. When the budget runs out
/// the best point with sufficient decrease is returned with `satisfied = false`.
public struct StrongWolfeLineSearch<S: Scalar>: LineSearch {
    public let c1: S
    public let c2: S
    public let maxEvaluations: Int
    public let maxStep: S

    /// A search with the given constants (defaults: Nocedal and Wright's).
    public init(c1: S = S(1e-4), c2: S = S(0.9), maxEvaluations: Int = 25, maxStep: S = S(1e10)) {
        precondition(c1 > 0 && c1 < c2 && c2 < 1 && maxEvaluations >= 2 && maxStep > 0,
                     "StrongWolfeLineSearch: need 0 < c1 < c2 < 1")
        self.c1 = c1
        self.c2 = c2
        self.maxEvaluations = maxEvaluations
        self.maxStep = maxStep
    }

    /// One evaluated trial φ(α), φ'(α).
    struct Trial {
        var alpha: S
        var point: [S]
        var value: S
        var gradient: [S]
        var slope: S
    }

    /// Runs the search; see the type's notes for its rule and constants.
    public func search(oracle: Oracle<S>, x: [S], value f0: S, gradient g0: [S], direction p: [S], slope d0: S,
                       initialStep: S, needsGradient: Bool) -> LineSearchResult<S> {
        precondition(initialStep > 0, "line search needs a positive initial step")
        var evaluations = 0
        var initialValue = f0
        func evaluate(_ alpha: S) -> Trial {
            let point = VectorMath.adding(x, alpha, p)
            let (f, g) = oracle.valueAndGradient(point)
            evaluations += 1
            if evaluations == 1 { initialValue = f }
            return Trial(alpha: alpha, point: point, value: f, gradient: g, slope: VectorMath.dot(g, p))
        }
        func accept(_ t: Trial, satisfied: Bool) -> LineSearchResult<S> {
            LineSearchResult(step: t.alpha, point: t.point, value: t.value, gradient: t.gradient, evaluations: evaluations,
                             satisfied: satisfied, initialStep: initialStep, initialValue: initialValue)
        }
        func sufficientDecrease(_ t: Trial) -> Bool { t.value.isFinite && t.value <= f0 + c1 * t.alpha * d0 }
        func curvature(_ t: Trial) -> Bool { abs(t.slope) <= -c2 * d0 }
        func giveUp(_ best: Trial?) -> LineSearchResult<S> {
            if let best, best.alpha > 0, best.value < f0 { return accept(best, satisfied: false) }
            return .stay(x: x, value: f0, gradient: g0, evaluations: evaluations, initialStep: initialStep, initialValue: initialValue)
        }

        // Algorithm 3.6: lo always satisfies sufficient decrease and has the lowest
        // value seen; the bracket [lo, hi] contains strong Wolfe points.
        func zoom(_ low: Trial, _ high: Trial) -> LineSearchResult<S> {
            var lo = low, hi = high
            while evaluations < maxEvaluations {
                let width = abs(hi.alpha - lo.alpha)
                if width <= S.ulpOfOne * max(lo.alpha, hi.alpha) { break }
                let t = evaluate(interpolate(lo, hi))
                if !sufficientDecrease(t) || t.value >= lo.value {
                    hi = t
                } else {
                    if curvature(t) { return accept(t, satisfied: true) }
                    if t.slope * (hi.alpha - lo.alpha) >= 0 { hi = lo }
                    lo = t
                }
            }
            return giveUp(lo)
        }

        // Algorithm 3.5: grow α until the bracket is found.
        var previous = Trial(alpha: 0, point: x, value: f0, gradient: g0, slope: d0)
        var alpha = min(initialStep, maxStep)
        while true {
            let t = evaluate(alpha)
            if !sufficientDecrease(t) || (previous.alpha > 0 && t.value >= previous.value) {
                return zoom(previous, t)
            }
            if curvature(t) { return accept(t, satisfied: true) }
            if t.slope >= 0 { return zoom(t, previous) }
            if evaluations >= maxEvaluations || alpha >= maxStep { return giveUp(t) }
            previous = t
            alpha = min(2 * alpha, maxStep)
        }
    }

    /// A trial step strictly inside the bracket between `a` and `b`.
    func interpolate(_ a: Trial, _ b: Trial) -> S {
        let lo = min(a.alpha, b.alpha), hi = max(a.alpha, b.alpha)
        let margin = S(0.1) * (hi - lo)
        func inside(_ s: S) -> Bool { s.isFinite && s >= lo + margin && s <= hi - margin }
        if a.value.isFinite && b.value.isFinite && a.slope.isFinite && b.slope.isFinite {
            // Cubic through (a, φa, φ'a), (b, φb, φ'b): N&W eq. 3.59.
            let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.alpha - b.alpha)
            let radicand = d1 * d1 - a.slope * b.slope
            if radicand >= 0 {
                let d2 = (b.alpha > a.alpha ? 1 : -1) * radicand.squareRoot()
                let c = b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
                if inside(c) { return c }
            }
        }
        if a.value.isFinite && b.value.isFinite && a.slope.isFinite {
            // Quadratic with φ(a), φ'(a), φ(b).
            let h = b.alpha - a.alpha
            let curvature = (b.value - a.value - a.slope * h) / (h * h)
            if curvature > 0 {
                let q = a.alpha - a.slope / (2 * curvature)
                if inside(q) { return q }
            }
        }
        return (lo + hi) / 2
    }
}
