import Engine
import Support

/// Adam (Kingma and Ba, 2015) with bias correction, following `torch.optim.Adam`
/// (amsgrad = false, no coupled weight decay).
///
/// At 1-based step t with η_t = lr × schedule(t - 1):
/// m_t = β1 m_{t-1} + (1 - β1) g_t, v_t = β2 v_{t-1} + (1 - β2) g_t²,
/// x ← x - (η_t / (1 - β1^t)) m_t / (√v_t / √(1 - β2^t) + ε).
/// ε is added after the bias-corrected square root, as in torch (the paper's
/// m̂ / (√v̂ + ε)). Defaults: lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
public final class Adam<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "adam" }
    public let dimension: Int
    public let lr: Double
    public var beta1: Double { kernel.beta1 }
    public var beta2: Double { kernel.beta2 }
    public var eps: Double { kernel.eps }
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var kernel: AdamKernel<S>

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && eps >= 0,
                     "Adam: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.schedule = schedule
        self.kernel = AdamKernel(dimension: dimension, beta1: beta1, beta2: beta2, eps: eps)
    }

    /// Hyperparameters shared by Adam and AdamW.
    static var adamSpecs: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.001, .positive, "learning rate η"),
            ParamSpec.double("beta1", 0.9, .closedOpen(0, 1), "decay β1 of the first-moment average"),
            ParamSpec.double("beta2", 0.999, .closedOpen(0, 1), "decay β2 of the second-moment average"),
            ParamSpec.double("eps", 1e-8, .nonNegative, "ε added after the bias-corrected square root"),
        ]
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "Adam with bias correction (Kingma and Ba 2015)", params: params, family: .firstOrder)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] { adamSpecs + LearningRateSchedule.params }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), beta1: p.double("beta1"), beta2: p.double("beta2"),
                  eps: p.double("eps"), schedule: LearningRateSchedule(parameters: p))
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "Adam: point has \(x.count) entries, expected \(dimension)")
        let eta = lr * schedule.multiplier(at: iteration)
        let (f, g) = oracle.valueAndGradient(x)
        let report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: S(eta), moved: true)
        kernel.apply(&x, g, eta: eta, decay: 1)
        counters.record(report)
        return report
    }
}
