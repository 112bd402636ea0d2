import Models
import Support

/// `label_smoothing`: the cross-entropy target becomes (1 - eps) one-hot + eps / C
/// uniform (Szegedy et al., "Rethinking the Inception Architecture", CVPR 2016,
/// section 7). The trainer passes `labelSmoothing` to `softmaxCrossEntropy`.
///
/// Parameter: `eps` (default 0.1, the paper's value, in [0, 1)). Rejected for models
/// without class logits.
public struct LabelSmoothing: Regularizer {
    public static let id = "label_smoothing"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "cross-entropy against (1 - eps) one-hot + eps uniform (Szegedy et al. 2016)", params: [
            ParamSpec.double("eps", 0.1, .closedOpen(0, 1), "smoothing mass"),
        ])
    public let params: Params
    public let eps: Double

    public init(resolved: Params) {
        params = resolved
        eps = resolved.number("eps")
    }

    public var labelSmoothing: Double? { eps }

    public func validate(model: any Model) throws(RegularizerError) {
        switch model.output {
        case .logits, .sequenceLogits: return
        case .regression, .objective:
            throw .unsupportedModel(regularizer: Self.id, model: model.name,
                                    reason: "label smoothing needs a classifier's logits")
        }
    }
}
