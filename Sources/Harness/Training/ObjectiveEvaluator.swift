import Engine
import Models
import Regularizers
import GridLanguage

/// Evaluates the training objective — data loss plus regularizer penalties — and
/// its derivatives at a flat parameter vector on one batch.
///
/// Gradient transforms (clipping) are applied to the gradient returned here, so
/// every optimizer sees the same transformed gradient.
struct ObjectiveEvaluator<S: Scalar> {
    let model: any Model
    let layout: ParameterLayout
    let loss: LossFunction<S>
    let regularizers: RegularizerStack
    let threads: Int

    struct Result {
        var value: S
        var gradient: [S]?
        var hessianVector: [S]?
        var prediction: Tensor<S>
        /// Whether a gradient transform (clipping) changed the returned gradient.
        var gradientTransformed = false
    }

    /// Loss (and optionally gradient and Hessian-vector product along `direction`).
    func evaluate(_ x: [S], input: ModelInput<S>, targets: BatchTargets<S>, context: ForwardContext,
                  state: inout ModelState<S>, gradient: Bool, direction: [S]? = nil,
                  includePenalty: Bool = true) -> Result {
        let tape = Tape<S>(threads: threads)
        tape.isRecording = gradient || direction != nil
        let parameters = layout.unflatten(x).map { tape.parameter($0) }
        let prediction = model.forward(parameters, input: input, context: context, state: &state)
        var objective = loss.loss(prediction, targets: targets)
        if includePenalty, let penalty = regularizers.penalty(parameters, specs: layout.specs) {
            objective = objective + penalty
        }
        var result = Result(value: objective.value.scalarValue, prediction: prediction.value)
        if let v = direction {
            let (g, hv) = tape.hessianVectorProduct(of: objective, withRespectTo: parameters, vector: layout.unflatten(v))
            var flat = layout.flatten(g)
            result.gradientTransformed = regularizers.transformGradient(&flat, layout: layout)
            result.gradient = flat
            result.hessianVector = layout.flatten(hv)
        } else if gradient {
            var flat = layout.flatten(tape.gradients(of: objective, withRespectTo: parameters).map(\.value))
            result.gradientTransformed = regularizers.transformGradient(&flat, layout: layout)
            result.gradient = flat
        }
        return result
    }
}
