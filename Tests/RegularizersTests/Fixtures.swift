import Engine
import Models
import Support
@testable import Regularizers

/// Small hand-built models and parameter lists for the regularizer tests.
enum Fixtures {
    /// A model shell: only its description matters to regularizers.
    struct ShellModel: Model {
        var name: String
        var parameterSpecs: [ParameterSpec]
        var output: ModelOutput
        var supportsDropout: Bool
        var supportsNormalization: Bool

        func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>,
                                context: ForwardContext, state: inout ModelState<S>) -> Variable<S> {
            parameters[0].sum()
        }
    }

    static func classifier(dropout: Bool = true, normalization: Bool = true) -> ShellModel {
        ShellModel(name: "shell_mlp", parameterSpecs: specs, output: .logits(classes: 3),
                   supportsDropout: dropout, supportsNormalization: normalization)
    }

    static let rosenbrock = ShellModel(
        name: "rosenbrock",
        parameterSpecs: [ParameterSpec(name: "x", shape: [2], role: .point, initializer: .values([-1.2, 1]))],
        output: .objective(minimum: 0), supportsDropout: false, supportsNormalization: false)

    static let regression = ShellModel(name: "shell_regression", parameterSpecs: specs, output: .regression(outputs: 1),
                                       supportsDropout: true, supportsNormalization: true)

    /// A 2x3 weight, a bias of 3, a normalization gain of 2 and a 2x2 embedding.
    static let specs: [ParameterSpec] = [
        ParameterSpec(name: "fc.weight", shape: [2, 3], role: .weight, initializer: .zeros),
        ParameterSpec(name: "fc.bias", shape: [3], role: .bias, initializer: .zeros),
        ParameterSpec(name: "norm.gain", shape: [2], role: .gain, initializer: .ones),
        ParameterSpec(name: "emb", shape: [2, 2], role: .embedding, initializer: .zeros),
    ]

    /// Values for `specs`, away from zero so |w| is differentiable under the
    /// finite-difference steps.
    static let values: [[Double]] = [
        [0.5, -1.25, 2.0, 0.75, -0.3, 1.5],
        [0.2, -0.4, 0.9],
        [1.1, -0.6],
        [-0.8, 0.35, 0.45, -1.7],
    ]

    static var tensors: [Tensor<Double>] {
        zip(specs, values).map { Tensor(shape: $0.shape, data: $1) }
    }

    static func make(_ id: String, _ params: [String: ParamValue] = [:]) throws -> any Regularizer {
        try RegularizerRegistry.make(id: id, params: Params(params))
    }
}
