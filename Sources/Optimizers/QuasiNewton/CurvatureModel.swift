import Engine

/// An approximation H of the inverse Hessian that a line-search quasi-Newton step
/// uses: direction -H g, a reset to the initial matrix, and an update from the pair
/// s = x_new - x, y = ∇f(x_new) - ∇f(x) (both gradients on the same batch).
protocol CurvatureModel<S> {
    associatedtype S: Scalar
    /// -H g.
    func direction(_ g: [S]) -> [S]
    /// Whether H is still the unscaled identity (the first step then shortens its trial).
    var isInitial: Bool { get }
    /// Back to the initial matrix.
    mutating func reset()
    /// Updates H from the pair; `gradient` is ∇f(x) and `step` the t with s = t (-H g),
    /// so that B s = -t g for the matrix used to compute the step.
    mutating func update(s: [S], y: [S], gradient: [S], step: S) -> CurvaturePolicy.Outcome
}
