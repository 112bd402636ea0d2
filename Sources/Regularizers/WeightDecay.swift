import Engine
import Models
import Support

/// `weight_decay`: decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight
/// Decay Regularization", ICLR 2019), applied to the parameters after the
/// optimizer's step: x <- x - lr * lambda * x, computed as x * (1 - lr * lambda)
/// like torch's AdamW.
///
/// It never enters the loss or the gradient, so adaptive optimizers do not rescale
/// it. Because it acts on the post-step parameters, it differs from torch's AdamW
/// (which shrinks the pre-step parameters) by lr * lambda times the optimizer's
/// update, a second-order term.
///
/// Parameters: `lambda` (default 0.01, torch's AdamW default, >= 0) and
/// `include_bias` (default false, as for `l2`).
public struct WeightDecay: Regularizer {
    public static let id = "weight_decay"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "w <- w - lr * lambda * w after each step (decoupled)", params: [
            ParamSpec.double("lambda", 0.01, .nonNegative, "decay factor (torch AdamW's default)"),
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

    public func afterStep<S: Scalar>(_ x: inout [S], learningRate: Double, layout: ParameterLayout) {
        precondition(x.count == layout.count, "\(x.count) values for a layout of \(layout.count)")
        guard lambda != 0 else { return }
        let factor = S(1 - learningRate * lambda)
        x.withUnsafeMutableBufferPointer { all in
            scope.forEachRange(in: layout) { r in
                FlatKernels.scale(UnsafeMutableBufferPointer(rebasing: all[r]), by: factor)
            }
        }
    }
}
