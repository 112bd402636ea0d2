import Engine

/// No search: always takes the initial step α0 (`line_search = none`), evaluating
/// the new point once. Used on mini-batches where a search would chase noise.
public struct FixedStep<S: Scalar>: LineSearch {
    /// The fixed-step policy (it has no constants).
    public init() {}

    /// Runs the search; see the type's notes for its rule and constants.
    public func search(oracle: Oracle<S>, x: [S], value f0: S, gradient g0: [S], direction p: [S], slope: S,
                       initialStep: S, needsGradient: Bool) -> LineSearchResult<S> {
        let point = VectorMath.adding(x, initialStep, p)
        var gradient: [S]?
        let f: S
        if needsGradient {
            let e = oracle.valueAndGradient(point)
            f = e.value
            gradient = e.gradient
        } else {
            f = oracle.value(point)
        }
        return LineSearchResult(step: initialStep, point: point, value: f, gradient: gradient, evaluations: 1,
                                satisfied: true, initialStep: initialStep, initialValue: f)
    }
}
