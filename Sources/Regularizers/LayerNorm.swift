import Models
import Support

/// `layernorm`: layer normalization (Ba, Kiros and Hinton, 2016) in the model's
/// normalization slots.
///
/// It makes the trainer build the model with `.layernorm` and sets the context's
/// epsilon. Parameter: `eps` (default 1e-5 as in torch's LayerNorm, > 0). Rejected
/// for models without normalization slots and together with `batchnorm`.
public struct LayerNorm: Regularizer {
    public static let id = "layernorm"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "layer normalization after hidden layers (Ba et al. 2016)", params: [
            ParamSpec.double("eps", 1e-5, .positive, "added to the variance"),
        ])
    public let params: Params
    public let eps: Double

    public init(resolved: Params) {
        params = resolved
        eps = resolved.number("eps")
    }

    public var normalization: ForwardContext.Normalization { .layernorm }

    public func configure(_ context: inout ForwardContext) {
        context.normalization = .layernorm
        context.normEpsilon = eps
    }

    public func validate(model: any Model) throws(RegularizerError) {
        try NormalizationSlots.validate(model, regularizer: Self.id)
    }
}
