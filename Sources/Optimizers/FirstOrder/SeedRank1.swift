import Engine
import Support

/// `seed_rank1`: the update written in the project's seed documents, shipped
/// literally. It is not a gradient method: it never evaluates the objective and
/// only shrinks the weights.
///
/// For every weight tensor p with more than one dimension, in this order:
/// 1. p ← p − lr · p / min(‖p‖, 1) (‖·‖ the Euclidean norm of the whole tensor);
/// 2. p ← p − λ p;
/// 3. p ← p − μ (p − p), the seed code's `p - p.data` term, which is identically
///    zero for finite p (kept so that the parameter μ exists and does nothing, as in
///    the seed code).
///
/// So a tensor with ‖p‖ ≥ 1 is multiplied by (1 − lr)(1 − λ), and a tensor with
/// ‖p‖ < 1 loses lr along its own direction (its norm drops by lr, and the
/// direction flips when ‖p‖ < lr), then is multiplied by (1 − λ).
///
/// What it does not do, plainly: it reads no gradient, no value and no Hessian
/// product (the oracle's counters stay 0), so it cannot decrease a loss except by
/// accident; the step report's `value` and `gradientNorm` are 0 because nothing is
/// evaluated (a run's `objective` curve is therefore 0; its train and validation
/// losses are measured by the trainer as usual).
///
/// Per-tensor structure: the harness attaches the model's tensors
/// (`attach(_:)`, `TensorBlocks`); then exactly the tensors with more than one
/// dimension are updated, each with its own norm, as in the seed code
/// (`for p in params if p.dim() > 1`), and biases and gains are left alone. The point
/// of an analytic test function (one block of role `point`) counts as one tensor, so
/// a test function is shrunk as a whole. Never attached (direct use, unit tests), the
/// whole flat vector is one tensor. The public initializer takes `tensorRanges`
/// for callers that know the layout.
///
/// One safeguard not in the seed code: a tensor with ‖p‖ = 0 is left unchanged
/// (the literal code computes 0/0 = NaN there).
///
/// Defaults: lr = 0.01, lambda = 0, mu = 0.
public final class SeedRank1<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "seed_rank1" }
    public let dimension: Int
    public let lr: Double
    public let lambda: Double
    public let mu: Double
    /// Flat ranges of the tensors that are updated (tensors with more than one dimension).
    public private(set) var tensorRanges: [Range<Int>]
    public private(set) var counters = OptimizerCounters()

    /// Builds the optimizer; `tensorRanges` nil treats the whole vector as one tensor.
    /// Arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.01, lambda: Double = 0, mu: Double = 0, tensorRanges: [Range<Int>]? = nil) {
        precondition(dimension >= 1 && lr > 0 && lambda >= 0 && lambda < 1 && mu >= 0, "SeedRank1: invalid hyperparameters")
        let ranges = tensorRanges ?? [0..<dimension]
        precondition(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= dimension }, "SeedRank1: tensor range outside the vector")
        self.dimension = dimension
        self.lr = lr
        self.lambda = lambda
        self.mu = mu
        self.tensorRanges = ranges
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "seed-document weight shrinkage p -= lr p / min(||p||, 1), p -= lambda p; reads no gradient",
                             params: params, family: .firstOrder, costWeight: 0.5)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.01, .positive, "shrink rate: p -= lr p / min(||p||, 1)"),
            ParamSpec.double("lambda", 0, .closedOpen(0, 1), "decay: p -= lambda p"),
            ParamSpec.double("mu", 0, .nonNegative, "factor of the seed code's p - p.data term (identically zero)"),
        ]
    }

    /// Builds the optimizer from resolved registry parameters (whole vector as one tensor).
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        self.init(dimension: dimension, lr: p.double("lr"), lambda: p.double("lambda"), mu: p.double("mu"))
    }

    /// The tensors the seed code updates: blocks with more than one dimension, plus a
    /// test function's point.
    static func updatedRanges(_ blocks: TensorBlocks) -> [Range<Int>] {
        blocks.blocks.filter { $0.isMatrix || $0.role == .point }.map { $0.range }
    }

    /// Uses the model's tensors: only tensors with more than one dimension (and a test
    /// function's point) are updated, each with its own norm.
    public func attach(_ blocks: TensorBlocks) {
        precondition(blocks.dimension == dimension, "SeedRank1: blocks cover \(blocks.dimension) entries, expected \(dimension)")
        tensorRanges = Self.updatedRanges(blocks)
    }

    /// One iteration; evaluates nothing through the oracle.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "SeedRank1: point has \(x.count) entries, expected \(dimension)")
        let before = x
        let lrS = S(lr), lambdaS = S(lambda), muS = S(mu)
        for range in tensorRanges where !range.isEmpty {
            let slice = Array(x[range])
            let norm = VectorMath.norm(slice)
            guard norm > 0 else { continue }
            let denominator = min(norm, 1)
            for i in range { x[i] -= lrS * x[i] / denominator }
            for i in range { x[i] -= lambdaS * x[i] }
            for i in range { x[i] -= muS * (x[i] - x[i]) }
        }
        let report = StepReport<S>(value: 0, gradientNorm: 0, learningRate: lrS, moved: x != before)
        counters.record(report)
        return report
    }
}
