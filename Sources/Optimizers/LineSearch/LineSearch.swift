import Engine

/// A one-dimensional search along a direction p from x for a step α that the
/// method accepts, evaluating φ(α) = f(x + α p) through the oracle (so on the
/// current batch).
///
/// Implementations: `ArmijoBacktracking`, `StrongWolfeLineSearch`, `FixedStep`.
/// The quasi-Newton methods share these; one implementation of each.
public protocol LineSearch<S> {
    associatedtype S: Scalar
    /// Searches along `direction` from `x`, where `value` = f(x), `gradient` = ∇f(x)
    /// and `slope` = ∇f(x)·p < 0, starting with trial step `initialStep`.
    /// When `needsGradient` is true the result carries ∇f at the accepted point.
    func search(oracle: Oracle<S>, x: [S], value: S, gradient: [S], direction: [S], slope: S,
                initialStep: S, needsGradient: Bool) -> LineSearchResult<S>
}

/// The outcome of a line search.
public struct LineSearchResult<S: Scalar> {
    /// Accepted step α; 0 when no point with a lower value was found.
    public var step: S
    /// x + α p exactly as evaluated (x itself when α = 0).
    public var point: [S]
    /// f at `point`.
    public var value: S
    /// ∇f at `point` when it was evaluated (always when `needsGradient` was set).
    public var gradient: [S]?
    /// Oracle calls made by the search.
    public var evaluations: Int
    /// Whether the search's own conditions (Armijo, strong Wolfe) hold at `point`.
    public var satisfied: Bool
    /// The first trial step and its value (Newton-CG's reduction ratio uses them).
    public var initialStep: S
    public var initialValue: S

    /// A result with every field given.
    public init(step: S, point: [S], value: S, gradient: [S]?, evaluations: Int, satisfied: Bool,
                initialStep: S, initialValue: S) {
        self.step = step
        self.point = point
        self.value = value
        self.gradient = gradient
        self.evaluations = evaluations
        self.satisfied = satisfied
        self.initialStep = initialStep
        self.initialValue = initialValue
    }

    /// Whether x moves.
    public var moved: Bool { step != 0 }

    /// A failed search that leaves x where it was.
    static func stay(x: [S], value: S, gradient: [S], evaluations: Int, initialStep: S, initialValue: S) -> LineSearchResult {
        LineSearchResult(step: 0, point: x, value: value, gradient: gradient, evaluations: evaluations,
                         satisfied: false, initialStep: initialStep, initialValue: initialValue)
    }
}
