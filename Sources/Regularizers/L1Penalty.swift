import Engine
import Models
import Support

/// `l1`: the penalty lambda * sum |w| added to the loss (lasso; Goodfellow, Bengio
/// and Courville, Deep Learning, 2016, eq. 7.18).
///
/// Parameters: `lambda` (default 1e-4, >= 0) and `include_bias` (default false, as
/// for `l2`). The gradient is lambda * sign(w), taking sign(0) = 0 (the
/// subgradient of smallest norm); the Hessian is zero wherever it exists.
public struct L1Penalty: Regularizer {
    public static let id = "l1"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "penalty lambda * sum |w|", params: [
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
        return scope.sum(parameters, specs: specs) { $0.sumOfMagnitudes() }.map { $0 * S(lambda) }
    }
}
