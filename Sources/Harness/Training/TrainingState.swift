import Engine
import Models
import GridLanguage

/// Everything a run changes as it goes: the parameters and model state, how the
/// run stands, and the step statistics waiting for the next evaluation point.
struct TrainingState<S: Scalar> {
    /// The flat parameter vector the optimizer updates in place.
    var parameters: [S]
    /// Model state (BatchNorm running statistics) as left by the last step.
    var modelState = ModelState<S>()
    var status = RunStatus.completed
    var stopReason = "step budget"
    /// Steps taken, counting a diverged step but not a failed one.
    var stepsDone = 0
    /// The step at which early stopping ended the run.
    var earlyStoppingStep: Int?
    /// The evaluation step whose parameters early stopping restored.
    var restoredStep: Int?
    /// The objective of the first step: the scale against which divergence is judged.
    var initialLoss: Double?
    /// Gradient norm and learning rate reported by the last step (NaN before the
    /// first), recorded at the next evaluation point.
    var lastGradNorm = Double.nan
    var lastLR = Double.nan
    /// The objective of the last step's batch (NaN before the first), for progress displays.
    var lastObjective = Double.nan
    /// Step objectives since the last evaluation point.
    var objectives = RunningMean()
    /// Seconds spent measuring losses and accuracies at evaluation points.
    var evaluationSeconds = 0.0

    /// The state before the first step, at `initialParameters`.
    init(initialParameters: [S]) {
        parameters = initialParameters
    }
}

/// The mean of the values added since the last reset (NaN when there are none).
struct RunningMean {
    private var sum = 0.0
    private var count = 0

    /// Adds one value.
    mutating func add(_ value: Double) {
        sum += value; count += 1
    }

    /// The mean so far, NaN when nothing was added.
    var mean: Double { count > 0 ? sum / Double(count) : .nan }

    /// Forgets every value.
    mutating func reset() {
        sum = 0; count = 0
    }
}
