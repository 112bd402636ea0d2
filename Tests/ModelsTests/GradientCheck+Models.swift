import Testing
import Engine
import TestSupport
@testable import Models

/// Model-level helpers on top of the shared float64 gradient checks.
extension GradientCheck {
    /// Random parameter values of the model's shapes (uniform in [-0.5, 0.5)), so
    /// checks do not depend on the initializers.
    static func parameters(of model: any Model, seed: UInt64) -> [Tensor<Double>] {
        model.parameterSpecs.enumerated().map { tensor($0.element.shape, seed: seed &+ UInt64($0.offset) &* 7919, low: -0.5, high: 0.5) }
    }

    /// A scalar loss of the model's output on `input`: cross-entropy for logits,
    /// a weighted sum for regression, the value itself for objectives.
    static func loss(_ model: any Model, _ parameters: [Variable<Double>], input: ModelInput<Double>,
                     labels: [Int], context: ForwardContext = ForwardContext()) -> Variable<Double> {
        var state = ModelState<Double>()
        let out = model.forward(parameters, input: input, context: context, state: &state)
        switch model.output {
        case .logits, .sequenceLogits: return out.softmaxCrossEntropy(labels: labels)
        case .regression: return (out * out).sum()
        case .objective: return out
        }
    }
}
