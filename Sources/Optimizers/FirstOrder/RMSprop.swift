import Engine
import Support

/// RMSprop (Tieleman and Hinton, 2012) following `torch.optim.RMSprop`, plain or
/// centered (Graves, 2013), with optional momentum.
///
/// With α the smoothing constant and η_t = lr × schedule(t), starting from zeros:
/// v_t = α v_{t-1} + (1 - α) g_t²; centered: m_t = α m_{t-1} + (1 - α) g_t and
/// a_t = √max(0, v_t - m_t²) + ε, otherwise a_t = √v_t + ε (ε after the root). Without
/// momentum x ← x - η_t g_t / a_t; with momentum μ, b_t = μ b_{t-1} + g_t / a_t and
/// x ← x - η_t b_t. Defaults: lr = 0.01, alpha = 0.99, eps = 1e-8, momentum = 0,
/// centered = false.
public final class RMSprop<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "rmsprop" }
    public let dimension: Int
    public let lr: Double
    public let alpha: Double
    public let eps: Double
    public let momentum: Double
    public let centered: Bool
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var squareAverage: [S]
    private var gradientAverage: [S]
    private var buffer: [S]

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8, momentum: Double = 0,
                centered: Bool = false, schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && (0..<1).contains(alpha) && eps >= 0 && (0..<1).contains(momentum),
                     "RMSprop: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.momentum = momentum
        self.centered = centered
        self.schedule = schedule
        self.squareAverage = [S](repeating: 0, count: dimension)
        self.gradientAverage = centered ? [S](repeating: 0, count: dimension) : []
        self.buffer = momentum > 0 ? [S](repeating: 0, count: dimension) : []
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "RMSprop (Tieleman and Hinton 2012), torch form", params: params, family: .firstOrder)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.01, .positive, "learning rate η"),
            ParamSpec.double("alpha", 0.99, .closedOpen(0, 1), "smoothing constant α of the squared-gradient average"),
            ParamSpec.double("eps", 1e-8, .nonNegative, "ε added after the square root"),
            ParamSpec.double("momentum", 0, .closedOpen(0, 1), "momentum factor μ"),
            ParamSpec.bool("centered", false, "divide by the estimated standard deviation instead of the RMS"),
        ] + LearningRateSchedule.params
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), alpha: p.double("alpha"), eps: p.double("eps"),
                  momentum: p.double("momentum"), centered: p.bool("centered"), schedule: LearningRateSchedule(parameters: p))
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "RMSprop: point has \(x.count) entries, expected \(dimension)")
        let eta = S(lr * schedule.multiplier(at: iteration))
        let (f, g) = oracle.valueAndGradient(x)
        let report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: eta, moved: true)
        Self.update(&x, g, &squareAverage, &gradientAverage, &buffer, eta: eta, alpha: S(alpha), eps: S(eps),
                    mu: S(momentum), centered: centered, useMomentum: momentum > 0)
        counters.record(report)
        return report
    }

    @_specialize(where S == Float) @_specialize(where S == Double)
    static func update(_ x: inout [S], _ g: [S], _ v: inout [S], _ m: inout [S], _ b: inout [S],
                       eta: S, alpha: S, eps: S, mu: S, centered: Bool, useMomentum: Bool) {
        let oneMinusAlpha = 1 - alpha
        x.withUnsafeMutableBufferPointer { xp in
            v.withUnsafeMutableBufferPointer { vp in
                m.withUnsafeMutableBufferPointer { mp in
                    b.withUnsafeMutableBufferPointer { bp in
                        g.withUnsafeBufferPointer { gp in
                            for i in 0..<xp.count {
                                let gi = gp[i]
                                let vi = alpha * vp[i] + oneMinusAlpha * (gi * gi)
                                vp[i] = vi
                                var a: S
                                if centered {
                                    let mi = alpha * mp[i] + oneMinusAlpha * gi
                                    mp[i] = mi
                                    // v - m² ≥ 0 in exact arithmetic; rounding must not turn it into NaN.
                                    a = max(0, vi - mi * mi).squareRoot()
                                } else {
                                    a = vi.squareRoot()
                                }
                                a += eps
                                if useMomentum {
                                    let bi = mu * bp[i] + gi / a
                                    bp[i] = bi
                                    xp[i] -= eta * bi
                                } else {
                                    xp[i] -= eta * (gi / a)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
