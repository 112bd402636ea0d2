import Support
import Engine

/// A multilayer perceptron: for each hidden size h_l,
/// x <- Dropout(act(Norm(x W_l + b_l))), then the output layer.
///
/// Parameters `hidden.<l>.weight/bias`, then (only when built with normalization)
/// `bn.<l>.weight/bias` or `ln.<l>.weight/bias`, and `output.weight/bias`. BatchNorm
/// running statistics are `bn.<l>.running_mean/var` in the model state. Dropout
/// slots `hidden.<l>`.
public struct MultilayerPerceptron: Model {
    /// The model's one declaration (registry id `mlp`).
    public static let declaration = ComponentDeclaration(
        "mlp", "fully connected network",
        params: [
            .intList("hidden", [128], .atLeast(1), "widths of the hidden layers"),
            .choice("activation", "relu", Activation.allCases.map(\.rawValue), "hidden-layer activation"),
            ModelParams.initScheme,
        ],
        traits: [.normalizable], costWeight: 2)

    public let name: String
    public let hidden: [Linear]
    public let batchNorms: [BatchNorm]
    public let layerNorms: [LayerNorm]
    public let activation: Activation
    public let last: Linear
    public let output: ModelOutput
    public let normalization: ForwardContext.Normalization

    public init(name: String, features: Int, hidden sizes: [Int], activation: Activation, output: ModelOutput,
                normalization: ForwardContext.Normalization = .none, scheme: InitScheme) {
        self.name = name; self.activation = activation; self.output = output; self.normalization = normalization
        let widths = [features] + sizes
        hidden = sizes.indices.map { Linear(name: "hidden.\($0)", inputs: widths[$0], outputs: sizes[$0], scheme: scheme) }
        batchNorms = normalization == .batchnorm ? sizes.indices.map { BatchNorm(name: "bn.\($0)", features: sizes[$0]) } : []
        layerNorms = normalization == .layernorm ? sizes.indices.map { LayerNorm(name: "ln.\($0)", features: sizes[$0]) } : []
        last = Linear(name: "output", inputs: widths.last!, outputs: output.width, scheme: scheme)
    }

    public var parameterSpecs: [ParameterSpec] {
        var specs: [ParameterSpec] = []
        for l in hidden.indices {
            specs += hidden[l].specs
            if !batchNorms.isEmpty { specs += batchNorms[l].specs }
            if !layerNorms.isEmpty { specs += layerNorms[l].specs }
        }
        return specs + last.specs
    }

    public var supportsDropout: Bool { true }
    public var supportsNormalization: Bool { true }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        precondition(context.normalization == .none || context.normalization == normalization,
                     "\(name) was built with normalization \(normalization), the forward pass asks for \(context.normalization)")
        var p = ParameterCursor(parameters)
        var x = DenseInput.rows(input, features: hidden.first?.inputs ?? last.inputs, tape: parameters[0].tape)
        for l in hidden.indices {
            x = hidden[l](x, &p)
            if !batchNorms.isEmpty { x = batchNorms[l](x, context: context, state: &state, &p) }
            if !layerNorms.isEmpty { x = layerNorms[l](x, epsilon: context.normEpsilon, &p) }
            x = Dropout(slot: "hidden.\(l)")(activation(x), context: context)
        }
        return last(x, &p)
    }
}
