import Engine
import Support

/// Adagrad (Duchi, Hazan and Singer, 2011) following `torch.optim.Adagrad` with
/// lr_decay = 0.
///
/// With s_0 = initial_accumulator and η_t = lr × schedule(t):
/// s_t = s_{t-1} + g_t², x ← x - η_t g_t / (√s_t + ε); ε is added after the square
/// root. Defaults: lr = 0.01, eps = 1e-10, initial_accumulator = 0.
public final class Adagrad<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "adagrad" }
    public let dimension: Int
    public let lr: Double
    public let eps: Double
    public let initialAccumulator: Double
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var sum: [S]

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.01, eps: Double = 1e-10, initialAccumulator: Double = 0,
                schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && eps >= 0 && initialAccumulator >= 0, "Adagrad: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.eps = eps
        self.initialAccumulator = initialAccumulator
        self.schedule = schedule
        self.sum = [S](repeating: S(initialAccumulator), count: dimension)
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "Adagrad (Duchi et al. 2011)", params: params, family: .firstOrder)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.01, .positive, "learning rate η"),
            ParamSpec.double("eps", 1e-10, .nonNegative, "ε added to √s"),
            ParamSpec.double("initial_accumulator", 0, .nonNegative, "initial value of the sum of squares"),
        ] + LearningRateSchedule.params
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), eps: p.double("eps"),
                  initialAccumulator: p.double("initial_accumulator"), schedule: LearningRateSchedule(parameters: p))
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "Adagrad: point has \(x.count) entries, expected \(dimension)")
        let eta = S(lr * schedule.multiplier(at: iteration))
        let (f, g) = oracle.valueAndGradient(x)
        let report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: eta, moved: true)
        Self.update(&x, g, &sum, eta: eta, eps: S(eps))
        counters.record(report)
        return report
    }

    @_specialize(where S == Float) @_specialize(where S == Double)
    static func update(_ x: inout [S], _ g: [S], _ s: inout [S], eta: S, eps: S) {
        x.withUnsafeMutableBufferPointer { xp in
            s.withUnsafeMutableBufferPointer { sp in
                g.withUnsafeBufferPointer { gp in
                    for i in 0..<xp.count {
                        let gi = gp[i]
                        let si = sp[i] + gi * gi
                        sp[i] = si
                        xp[i] -= eta * (gi / (si.squareRoot() + eps))
                    }
                }
            }
        }
    }
}
