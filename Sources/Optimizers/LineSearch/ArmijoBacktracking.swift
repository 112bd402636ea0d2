import Engine

/// Backtracking line search for the sufficient-decrease (Armijo) condition,
/// Nocedal and Wright, Numerical Optimization (2nd ed.), Algorithm 3.1:
/// accept the first α in α0, ρα0, ρ²α0, ... with f(x + αp) ≤ f(x) + c1 α ∇f·p.
///
/// Defaults c1 = 1e-4, ρ = 1/2, at most 30 trials. Non-finite values count as
/// failures. The first trial also evaluates the gradient when the caller needs it
/// (it is usually accepted); later trials evaluate values only and the gradient is
/// computed once at the accepted point. When no trial succeeds x stays.
public struct ArmijoBacktracking<S: Scalar>: LineSearch {
    public let c1: S
    public let contraction: S
    public let maxTrials: Int

    /// A search with the given constants (defaults: Nocedal and Wright's).
    public init(c1: S = S(1e-4), contraction: S = S(0.5), maxTrials: Int = 30) {
        precondition(c1 > 0 && c1 < 1 && contraction > 0 && contraction < 1 && maxTrials >= 1,
                     "ArmijoBacktracking: invalid constants")
        self.c1 = c1
        self.contraction = contraction
        self.maxTrials = maxTrials
    }

    /// Runs the search; see the type's notes for its rule and constants.
    public func search(oracle: Oracle<S>, x: [S], value f0: S, gradient g0: [S], direction p: [S], slope: S,
                       initialStep: S, needsGradient: Bool) -> LineSearchResult<S> {
        precondition(initialStep > 0, "line search needs a positive initial step")
        var alpha = initialStep
        var evaluations = 0
        var initialValue = f0
        for trial in 0..<maxTrials {
            let point = VectorMath.adding(x, alpha, p)
            var gradient: [S]?
            let f: S
            if needsGradient && trial == 0 {
                let e = oracle.valueAndGradient(point)
                f = e.value
                gradient = e.gradient
            } else {
                f = oracle.value(point)
            }
            evaluations += 1
            if trial == 0 { initialValue = f }
            if f.isFinite && f <= f0 + c1 * alpha * slope {
                if needsGradient && gradient == nil {
                    gradient = oracle.valueAndGradient(point).gradient
                    evaluations += 1
                }
                return LineSearchResult(step: alpha, point: point, value: f, gradient: gradient, evaluations: evaluations,
                                        satisfied: true, initialStep: initialStep, initialValue: initialValue)
            }
            alpha *= contraction
        }
        return .stay(x: x, value: f0, gradient: g0, evaluations: evaluations, initialStep: initialStep, initialValue: initialValue)
    }
}
