import Engine
import Models
import Support

/// `l2`: the penalty (lambda / 2) * sum w^2 added to the loss (Tikhonov / ridge;
/// Goodfellow, Bengio and Courville, Deep Learning, 2016, eq. 7.2 with
/// Omega(w) = ||w||^2 / 2).
///
/// Parameters: `lambda` (default 1e-4, >= 0) and `include_bias` (default false:
/// weights, embeddings and test-function points only; true adds biases and gains).
/// Its gradient lambda w and Hessian lambda I reach every optimizer through the
/// objective.
public struct L2Penalty: Regularizer {
    public static let id = "l2"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "penalty (lambda/2) * sum w^2", params: [
            ParamSpec.double("lambda", 1e-4, .nonNegative, "penalty weight"),
            ParamSpec.bool("include_bias", false, "also act on bias vectors"),
        ], traits: [.appliesToTestFunctions])
    public let params: Params
    public let lambda: Double
    let scope: PenaltyScope

    public init(resolved: Params) {
        params = resolved
        lambda = resolved.number("lambda")
        scope = PenaltyScope(includeBias: resolved.flag("include_bias"))
    }

    public func penalty<S: Scalar>(_ parameters: [Variable<S>], specs: [ParameterSpec]) -> Variable<S>? {
        guard lambda != 0 else { return nil }
        return scope.sum(parameters, specs: specs) { $0.sumOfSquares() }.map { $0 * S(lambda / 2) }
    }
}
