import Engine

/// What one optimizer step did: the start point's value and gradient norm, the step
/// size used, and every event worth recording (skipped or damped curvature updates,
/// line-search work and failure, trust-region rejection, CG work).
public struct StepReport<S: Scalar>: Sendable, Equatable {
    /// f at the start point on the current batch.
    public var value: S
    /// Euclidean norm of the gradient at the start point.
    public var gradientNorm: S
    /// Step size applied to the search direction: the scheduled learning rate for
    /// first-order methods, the accepted line-search step α (0 when no step was
    /// taken) for line-search methods, 1 for an accepted trust-region step and 0 for
    /// a rejected one.
    public var learningRate: S
    /// f at the new point when the step evaluated it (line searches, trust regions).
    public var newValue: S?
    /// Whether x changed.
    public var moved: Bool
    /// A curvature pair was rejected (y's ≤ 0 under the skip policy, SR1 rule 6.26).
    public var skippedUpdate = false
    /// A curvature pair was replaced by Powell's damped pair.
    public var dampedUpdate = false
    /// Objective evaluations made by the line search in this step.
    public var lineSearchEvaluations = 0
    /// The line search ended without meeting its conditions.
    public var lineSearchFailed = false
    /// The trust-region step was rejected (x kept).
    public var trustRegionRejected = false
    /// The method's direction was not a descent direction (or not finite) and was
    /// replaced by steepest descent, with the curvature approximation reset.
    public var directionReset = false
    /// Inner conjugate-gradient iterations (Newton-CG, trust-region subproblems).
    public var cgIterations = 0
    /// Inner CG stopped on non-positive curvature.
    public var negativeCurvature = false
    /// A curvature pair entered the method's limited memory in this step.
    public var curvaturePairAdded = false
    /// Hessian-vector products made by this step (0 for methods that do not report them).
    public var hessianVectorProducts = 0
    /// Trust-region radius after the step (trust-region methods).
    public var trustRadius: S?
    /// Levenberg-Marquardt damping λ after the step (Newton-CG).
    public var damping: S?

    /// A report with only the always-present fields set.
    public init(value: S, gradientNorm: S, learningRate: S, moved: Bool, newValue: S? = nil) {
        self.value = value
        self.gradientNorm = gradientNorm
        self.learningRate = learningRate
        self.moved = moved
        self.newValue = newValue
    }
}
