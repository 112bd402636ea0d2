import Models
import Support

/// `dropout`: inverted dropout (Srivastava et al., "Dropout: A Simple Way to Prevent
/// Neural Networks from Overfitting", JMLR 2014) after the hidden activations of
/// models that have dropout slots.
///
/// It only sets `ForwardContext.dropout = p`; the model draws the masks (from the
/// context's seed and step) and applies them in train mode. Parameter: `p`, the
/// probability of dropping a unit (default 0.5, in [0, 1)). With p > 0 the
/// objective is stochastic. Rejected for models without dropout slots and for
/// analytic test functions.
public struct Dropout: Regularizer {
    public static let id = "dropout"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "inverted dropout on hidden activations during training", params: [
            ParamSpec.double("p", 0.5, .closedOpen(0, 1), "probability of dropping a unit (torch's default)"),
        ])
    public let params: Params
    public let p: Double

    public init(resolved: Params) {
        params = resolved
        p = resolved.number("p")
    }

    public var isStochastic: Bool { p > 0 }

    public func configure(_ context: inout ForwardContext) { context.dropout = p }

    public func validate(model: any Model) throws(RegularizerError) {
        if case .objective = model.output {
            throw .unsupportedModel(regularizer: Self.id, model: model.name,
                                    reason: "an analytic test function has no hidden activations to drop")
        }
        guard model.supportsDropout else {
            throw .unsupportedModel(regularizer: Self.id, model: model.name, reason: "the model has no dropout slots")
        }
    }
}
