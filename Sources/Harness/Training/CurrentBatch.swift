import Engine
import Models
import Optimizers
import GridLanguage

/// The batch, forward context and model state that the oracle's closures
/// evaluate on during the current step.
///
/// The oracle reads the current batch through this box, so one oracle (and one
/// set of evaluation counters) serves the whole run.
final class CurrentBatch<S: Scalar> {
    var input: ModelInput<S> = .none
    var targets = BatchTargets<S>.none
    var context = ForwardContext()
    var stateAtStart = ModelState<S>()
    /// The model state left by the step's first evaluation; every evaluation of a
    /// step starts from `stateAtStart`, so only the first one's update is kept.
    var stateAfterFirst: ModelState<S>? = nil
    /// Gradient evaluations of the oracle whose gradient clipping changed (whole run).
    var transformedGradients = 0

    /// An oracle over `evaluator` that always evaluates on this box's current batch.
    func oracle(evaluator: ObjectiveEvaluator<S>, fullBatch: Bool) -> Oracle<S> {
        func evaluate(_ point: [S], gradient: Bool, direction: [S]? = nil) -> ObjectiveEvaluator<S>.Result {
            var st = stateAtStart
            let r = evaluator.evaluate(point, input: input, targets: targets, context: context,
                                       state: &st, gradient: gradient, direction: direction)
            if stateAfterFirst == nil { stateAfterFirst = st }
            if r.gradientTransformed { transformedGradients += 1 }
            return r
        }
        return Oracle<S>(
            dimension: evaluator.layout.count,
            value: { evaluate($0, gradient: false).value },
            valueAndGradient: { p in let r = evaluate(p, gradient: true); return (r.value, r.gradient!) },
            hessianVectorProduct: { p, v in evaluate(p, gradient: false, direction: v).hessianVector! },
            fullBatch: fullBatch)
    }
}
