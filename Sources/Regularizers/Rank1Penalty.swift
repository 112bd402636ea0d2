import Engine
import Models
import Support

/// `rank1`: the "rank-1 correction" penalty
/// `(lambda/2) * sum_k ||w_k||^2 + (mu/2) * sum_k ||w_k - w_{k-1}||^2`.
///
/// Reading of the formula: within each penalized tensor, flattened in its stored
/// row-major order, w_k is the k-th entry; the first term is the L2 penalty and the
/// second sums the squared differences of neighbouring entries k-1, k for
/// k = 1 ..< count. There is no wrap-around (the last entry is not paired with the
/// first) and no pairing across tensors. The second term is w' L w for the
/// path-graph Laplacian L, so the penalty's Hessian is lambda I + mu L (constant).
///
/// Parameters: `lambda` (default 1e-4, >= 0), `mu` (default 1e-4, >= 0) and
/// `include_bias` (default false, as for `l2`).
public struct Rank1Penalty: Regularizer {
    public static let id = "rank1"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "(lambda/2) sum_k w_k^2 + (mu/2) sum_k (w_k - w_{k-1})^2", params: [
            ParamSpec.double("lambda", 1e-4, .nonNegative, "penalty weight"),
            ParamSpec.double("mu", 1e-4, .nonNegative, "weight of the squared differences of consecutive parameters"),
            ParamSpec.bool("include_bias", false, "also act on bias vectors"),
        ], traits: [.appliesToTestFunctions])
    public let params: Params
    public let lambda: Double
    public let mu: Double
    let scope: PenaltyScope

    public init(resolved: Params) {
        params = resolved
        lambda = resolved.number("lambda")
        mu = resolved.number("mu")
        scope = PenaltyScope(includeBias: resolved.flag("include_bias"))
    }

    public func penalty<S: Scalar>(_ parameters: [Variable<S>], specs: [ParameterSpec]) -> Variable<S>? {
        guard lambda != 0 || mu != 0 else { return nil }
        return scope.sum(parameters, specs: specs) { $0.rankOnePenalty(lambda: S(lambda), mu: S(mu)) }
    }
}
