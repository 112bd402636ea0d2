import Models
import Support

/// `batchnorm`: batch normalization (Ioffe and Szegedy, ICML 2015) in the model's
/// normalization slots.
///
/// It makes the trainer build the model with `.batchnorm` and sets the context's
/// running-average momentum and epsilon. Parameters, with torch's BatchNorm
/// defaults: `momentum` (0.1, in [0, 1]; new = (1 - m) old + m batch) and `eps`
/// (1e-5, > 0). Rejected for models without normalization slots and together with
/// `layernorm`.
public struct BatchNorm: Regularizer {
    public static let id = "batchnorm"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "batch normalization after hidden layers (Ioffe and Szegedy 2015)", params: [
            ParamSpec.double("momentum", 0.1, .closed(0, 1), "update factor of the running statistics"),
            ParamSpec.double("eps", 1e-5, .positive, "added to the variance"),
        ])
    public let params: Params
    public let momentum: Double
    public let eps: Double

    public init(resolved: Params) {
        params = resolved
        momentum = resolved.number("momentum")
        eps = resolved.number("eps")
    }

    public var normalization: ForwardContext.Normalization { .batchnorm }

    public func configure(_ context: inout ForwardContext) {
        context.normalization = .batchnorm
        context.batchNormMomentum = momentum
        context.normEpsilon = eps
    }

    public func validate(model: any Model) throws(RegularizerError) {
        try NormalizationSlots.validate(model, regularizer: Self.id)
    }
}
