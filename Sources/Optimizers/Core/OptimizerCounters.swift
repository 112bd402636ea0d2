import Engine

/// Cumulative event counts of one optimizer over a run; the quasi-Newton curves
/// `skipped_updates`, `damped_updates`, `line_search_evals` and `tr_rejections` are
/// read from here.
public struct OptimizerCounters: Sendable, Equatable {
    /// Steps taken (calls of `step`).
    public var steps = 0
    /// Curvature pairs rejected.
    public var skippedUpdates = 0
    /// Curvature pairs replaced by Powell damping.
    public var dampedUpdates = 0
    /// Objective evaluations made inside line searches.
    public var lineSearchEvaluations = 0
    /// Line searches that ended without meeting their conditions.
    public var lineSearchFailures = 0
    /// Rejected trust-region steps.
    public var trustRegionRejections = 0
    /// Non-descent directions replaced by steepest descent.
    public var directionResets = 0
    /// Inner CG iterations.
    public var cgIterations = 0
    /// Inner CG runs stopped on non-positive curvature.
    public var negativeCurvatureExits = 0
    /// Curvature pairs accepted into a limited memory (oLBFGS, SQN). Kept in memory
    /// only (the trainer does not record it yet).
    public var curvaturePairs = 0
    /// Hessian-vector products the optimizer requested (Hutchinson probes, CG, SQN pairs).
    /// Kept in memory only: run files record the oracle's `hv_evals`, not this field.
    public var hessianVectorProducts = 0

    /// All counts zero.
    public init() {}

    /// Adds one step's events.
    public mutating func record<S>(_ r: StepReport<S>) {
        steps += 1
        if r.skippedUpdate { skippedUpdates += 1 }
        if r.dampedUpdate { dampedUpdates += 1 }
        lineSearchEvaluations += r.lineSearchEvaluations
        if r.lineSearchFailed { lineSearchFailures += 1 }
        if r.trustRegionRejected { trustRegionRejections += 1 }
        if r.directionReset { directionResets += 1 }
        cgIterations += r.cgIterations
        if r.negativeCurvature { negativeCurvatureExits += 1 }
        if r.curvaturePairAdded { curvaturePairs += 1 }
        hessianVectorProducts += r.hessianVectorProducts
    }
}
