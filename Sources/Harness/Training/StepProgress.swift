/// Where a run stands after one optimizer step, for progress displays.
///
/// The trainer hands out values it has already computed, after the step and
/// its bookkeeping are done, so watching a run changes no number and no order
/// of floating-point operations.
public struct StepProgress: Sendable, Equatable {
    /// Steps taken so far (1 after the first step).
    public var step: Int
    /// The run's step budget.
    public var totalSteps: Int
    /// The penalized objective of the last step's batch.
    public var objective: Double

    public init(step: Int, totalSteps: Int, objective: Double) {
        self.step = step; self.totalSteps = totalSteps; self.objective = objective
    }
}
