import Engine
import Support

/// Stochastic gradient descent with optional heavy-ball or Nesterov momentum,
/// following `torch.optim.SGD` (weight decay is left to the regularizers).
///
/// With g_t the gradient at step t (1-based), μ = momentum, τ = dampening and
/// η_t = lr × schedule(t):
/// - μ = 0: x ← x - η_t g_t;
/// - μ > 0: b_1 = g_1, b_t = μ b_{t-1} + (1 - τ) g_t; d_t = g_t + μ b_t (Nesterov)
///   or d_t = b_t (heavy ball); x ← x - η_t d_t.
/// Defaults: lr = 0.01, momentum = 0, dampening = 0, nesterov = false. Nesterov needs
/// momentum > 0 and dampening = 0, as in torch.
public final class SGD<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "sgd" }
    public let dimension: Int
    public let lr: Double
    public let momentum: Double
    public let dampening: Double
    public let nesterov: Bool
    /// Learning-rate multiplier by step; settable so a trainer can fix its horizon.
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var buffer: [S] = []

    /// An SGD optimizer; the arguments must satisfy the ranges of `declaration`.
    public init(dimension: Int, lr: Double = 0.01, momentum: Double = 0, dampening: Double = 0,
                nesterov: Bool = false, schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && (0..<1).contains(momentum) && (0...1).contains(dampening),
                     "SGD: invalid hyperparameters")
        precondition(!nesterov || (momentum > 0 && dampening == 0), "SGD: Nesterov needs momentum > 0 and dampening = 0")
        self.dimension = dimension
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.schedule = schedule
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "stochastic gradient descent with optional heavy-ball or Nesterov momentum (torch form)", params: params, rules: [SGDRules.nesterov], family: .firstOrder)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.01, .positive, "learning rate η"),
            ParamSpec.double("momentum", 0, .closedOpen(0, 1), "momentum factor μ"),
            ParamSpec.double("dampening", 0, .closed(0, 1), "dampening τ of the momentum buffer"),
            ParamSpec.bool("nesterov", false, "use Nesterov momentum"),
        ] + LearningRateSchedule.params
    }


    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), momentum: p.double("momentum"),
                  dampening: p.double("dampening"), nesterov: p.bool("nesterov"), schedule: LearningRateSchedule(parameters: p))
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "SGD: point has \(x.count) entries, expected \(dimension)")
        let eta = S(lr * schedule.multiplier(at: iteration))
        let (f, g) = oracle.valueAndGradient(x)
        let report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: eta, moved: true)
        if momentum == 0 {
            VectorMath.axpy(-eta, g, &x)
        } else {
            let first = buffer.isEmpty
            if first { buffer = [S](repeating: 0, count: dimension) }
            Self.momentumUpdate(&x, g, &buffer, first: first, eta: eta, mu: S(momentum),
                                keep: S(1 - dampening), nesterov: nesterov)
        }
        counters.record(report)
        return report
    }

    @_specialize(where S == Float) @_specialize(where S == Double)
    static func momentumUpdate(_ x: inout [S], _ g: [S], _ b: inout [S], first: Bool, eta: S, mu: S, keep: S, nesterov: Bool) {
        x.withUnsafeMutableBufferPointer { xp in
            b.withUnsafeMutableBufferPointer { bp in
                g.withUnsafeBufferPointer { gp in
                    for i in 0..<xp.count {
                        let gi = gp[i]
                        let bi = first ? gi : mu * bp[i] + keep * gi
                        bp[i] = bi
                        xp[i] -= eta * (nesterov ? gi + mu * bi : bi)
                    }
                }
            }
        }
    }
}

/// Rules of `SGD` on its parameters alone (kept outside the generic type, which cannot hold static stored values).
enum SGDRules {
    /// Nesterov momentum needs a momentum buffer that is not damped (torch's rule).
    static let nesterov = ParamRule("nesterov needs momentum > 0 and dampening = 0") { p, _ in
        guard p["nesterov"]?.boolValue == true else { return nil }
        if p["momentum"]?.doubleValue == 0 { return .init(key: "nesterov", "nesterov needs momentum > 0") }
        if p["dampening"]?.doubleValue != 0 { return .init(key: "nesterov", "nesterov needs dampening = 0") }
        return nil
    }
}
