import Datasets
import Engine
import Models
import Optimizers
import Regularizers
import GridLanguage

/// Trains one cell: mini-batch (or full-batch) steps of the optimizer on the
/// objective oracle, with evaluations every `evalEvery` steps.
///
/// Determinism: batches come from the seeded batcher, dropout masks from the
/// stream keyed by (seed, slot, step), parameters from streams keyed by name; no
/// other randomness exists, so a rerun gives the same bits.
struct Trainer<S: Scalar> {
    let model: any Model
    let dataset: Dataset?
    let optimizer: any Optimizer<S>
    let regularizers: RegularizerStack
    let plan: TrainingPlan
    let seed: UInt64
    /// Whether every step sees the same objective (lets second-order methods reuse
    /// the last evaluation at an unchanged point).
    let fullBatch: Bool
    let clock: () -> Double
    /// Told after every step taken; it only reads what the step computed.
    var observer: ((StepProgress) -> Void)? = nil

    /// Rows of the training split used to measure `train_loss` in mini-batch runs (a
    /// fixed subset, so the measurement costs the same whatever the split's size).
    /// Full-batch runs measure it on the whole split, so that it is the data term of
    /// the objective they minimize.
    static var trainEvalRows: Int { 1024 }

    /// Runs the plan: an evaluation (and curvature measurement) before the first
    /// step, then steps until the step budget, divergence, failure, the time or
    /// evaluation budget, or early stopping ends the run.
    ///
    /// Evaluation points: step 0, every `evalEvery` steps, the last step, the step
    /// that used up a budget, and the step after a diverged one.
    func run() -> TrainingOutcome<S> {
        var session = TrainingSession(trainer: self, setup: prepare())
        _ = session.recordEvaluation(at: 0)
        session.measureCurvatureIfDue(at: 0)
        var step = 0
        steps: while step < plan.totalSteps {
            switch session.takeStep(step) {
            case .taken: break
            case .diverged:
                _ = session.recordEvaluation(at: step + 1)
                break steps
            case .failed:
                break steps
            }
            step += 1
            session.state.stepsDone = step
            observer?(StepProgress(step: step, totalSteps: plan.totalSteps, objective: session.state.lastObjective))
            let outOfBudget = session.checkBudgets()
            session.measureCurvatureIfDue(at: step)
            if session.isEvaluationPoint(step) || outOfBudget {
                let metric = session.recordEvaluation(at: step)
                if session.applyEarlyStopping(metric: metric, at: step) { break }
            }
            if outOfBudget { break }
        }
        return session.recordFinal()
    }
}
