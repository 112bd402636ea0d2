import Engine
import Support

/// AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, 2019), following
/// `torch.optim.AdamW`.
///
/// Each step first shrinks the parameters, x ← x (1 - η_t λ) with λ = weight_decay
/// and η_t the scheduled learning rate, then applies the Adam update of `Adam`
/// (bias-corrected, ε after the corrected root). Defaults: lr = 0.001, beta1 = 0.9,
/// beta2 = 0.999, eps = 1e-8, weight_decay = 0.01.
public final class AdamW<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "adamw" }
    public let dimension: Int
    public let lr: Double
    public let weightDecay: Double
    public var beta1: Double { kernel.beta1 }
    public var beta2: Double { kernel.beta2 }
    public var eps: Double { kernel.eps }
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var kernel: AdamKernel<S>

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                weightDecay: Double = 0.01, schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && eps >= 0
                     && weightDecay >= 0, "AdamW: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.weightDecay = weightDecay
        self.schedule = schedule
        self.kernel = AdamKernel(dimension: dimension, beta1: beta1, beta2: beta2, eps: eps)
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "Adam with decoupled weight decay (Loshchilov and Hutter 2019)", params: params, family: .firstOrder)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        Adam<S>.adamSpecs + [
            ParamSpec.double("weight_decay", 0.01, .nonNegative, "decoupled weight decay λ"),
        ] + LearningRateSchedule.params
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), beta1: p.double("beta1"), beta2: p.double("beta2"),
                  eps: p.double("eps"), weightDecay: p.double("weight_decay"), schedule: LearningRateSchedule(parameters: p))
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "AdamW: point has \(x.count) entries, expected \(dimension)")
        let eta = lr * schedule.multiplier(at: iteration)
        let (f, g) = oracle.valueAndGradient(x)
        let report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: S(eta), moved: true)
        kernel.apply(&x, g, eta: eta, decay: S(1 - eta * weightDecay))
        counters.record(report)
        return report
    }
}
