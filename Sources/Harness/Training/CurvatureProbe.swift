import Datasets
import Diagnostics
import Engine
import Models
import GridLanguage

/// Hessian diagnostics during training: every `every` steps, the top eigenvalues
/// (Lanczos), the trace (Hutchinson, with its standard error) and optionally the
/// spectral density (stochastic Lanczos quadrature) of the training objective,
/// penalties included, on one fixed diagnostic batch.
///
/// The batch is drawn once from the training split by
/// `RandomStream(seed, "diagnostics/batch")`, never from the training batches;
/// the model runs in evaluation mode (no dropout, BatchNorm on running
/// statistics). The probe's Hessian-vector products bypass the optimizer's
/// oracle, so they never count as optimizer evaluations.
struct CurvatureProbe<S: Scalar> {
    let settings: HessianDiagnostics
    let estimator: HessianEstimator
    let input: ModelInput<S>
    let targets: BatchTargets<S>

    init(settings: HessianDiagnostics, seed: UInt64, dataset: Dataset?) {
        self.settings = settings
        estimator = HessianEstimator(topK: settings.topK, traceSamples: settings.traceSamples,
                                     density: settings.density, seed: seed)
        if let d = dataset {
            var rng = RandomStream(seed: seed, purpose: "diagnostics/batch")
            let rows = Array(rng.permutation(d.train.count).prefix(settings.batch)).sorted()
            (input, targets) = BatchAssembler<S>(dataset: d).batch(d.train, rows)
        } else {
            (input, targets) = (.none, .none)
        }
    }

    /// Whether step `step` is a measurement step (the first step and every `every`).
    func isDue(_ step: Int) -> Bool { step % settings.every == 0 }

    /// Estimates at `x`.
    func measure(_ x: [S], step: Int, evaluator: ObjectiveEvaluator<S>, context: ForwardContext,
                 state: ModelState<S>) -> HessianEstimates {
        var evalContext = context
        evalContext.mode = .eval
        evalContext.step = step
        return estimator.estimate(dimension: x.count, step: step) { (v: [S]) -> [S] in
            var st = state
            return evaluator.evaluate(x, input: input, targets: targets, context: evalContext, state: &st,
                                      gradient: false, direction: v).hessianVector!
        }
    }
}
