import Support
import Engine

/// Multinomial logistic regression: logits = x W + b (`linear.weight` `[F, C]`,
/// `linear.bias` `[C]`); trained with softmax cross-entropy it is the maximum
/// likelihood multinomial logit model. On regression data it is linear regression.
public struct LogisticRegression: Model {
    /// The model's one declaration (registry id `logreg`).
    public static let declaration = ComponentDeclaration(
        "logreg", "multinomial logistic regression (one linear layer + softmax)", params: [ModelParams.initScheme])

    public let name: String
    public let linear: Linear
    public let output: ModelOutput

    public init(name: String, features: Int, output: ModelOutput, scheme: InitScheme) {
        self.name = name
        self.output = output
        linear = Linear(name: "linear", inputs: features, outputs: output.width, scheme: scheme)
    }

    public var parameterSpecs: [ParameterSpec] { linear.specs }
    public var supportsDropout: Bool { false }
    public var supportsNormalization: Bool { false }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        var p = ParameterCursor(parameters)
        let x = DenseInput.rows(input, features: linear.inputs, tape: parameters[0].tape)
        return linear(x, &p)
    }
}

extension ModelOutput {
    /// Width of the last layer: classes or regression outputs (1 for objectives).
    public var width: Int {
        switch self {
        case .logits(let c), .sequenceLogits(let c): return c
        case .regression(let k): return k
        case .objective: return 1
        }
    }
}
