import Support

/// `early_stopping`: stops training when the validation loss has not improved by
/// more than `min_delta` for `patience` consecutive evaluations, and restores the
/// parameters of the best evaluation (see `EarlyStopping`).
///
/// Parameters, with PyTorch Lightning's `EarlyStopping` defaults: `patience`
/// (3, an integer >= 1) and `min_delta` (0, >= 0).
public struct EarlyStoppingRule: Regularizer {
    public static let id = "early_stopping"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "stop when validation loss has not improved for patience evaluations", params: [
            ParamSpec.int("patience", 3, .atLeast(1), "evaluations without improvement before stopping (Lightning's default)"),
            ParamSpec.double("min_delta", 0, .nonNegative, "smallest decrease that counts as improvement"),
        ])
    public let params: Params
    public let patience: Int
    public let minDelta: Double

    public init(resolved: Params) {
        params = resolved
        patience = resolved.integer("patience")
        minDelta = resolved.number("min_delta")
    }

    public var earlyStopping: (patience: Int, minDelta: Double)? { (patience, minDelta) }
}
