import Engine
import Support

/// Stochastic quasi-Newton, SQN (Byrd, Hansen, Nocedal and Singer, "A stochastic
/// quasi-Newton method for large-scale optimization", SIAM J. Optim. 26(2), 2016,
/// Algorithm 1).
///
/// At step k = 1, 2, ... with α_k = lr × schedule(k − 1) and g_k the mini-batch gradient:
/// 1. x̄ accumulates x_k (the point before the step);
/// 2. while no curvature pair is stored (the paper's first 2L steps):
///    x_{k+1} = x_k − α_k g_k; afterwards x_{k+1} = x_k − α_k H_t g_k, H_t g_k by the
///    L-BFGS two-loop recursion (Nocedal and Wright, Algorithm 7.4) over the last M =
///    history pairs with H⁰ = (s_t'y_t / y_t'y_t) I from the newest pair (eq. 7.20);
/// 3. every L = update_interval steps: x̄_t = (1/L) Σ of the last L iterates; when a
///    previous average exists, s_t = x̄_t − x̄_{t−1} and y_t = ∇²F(x̄_t) s_t by ONE exact
///    Hessian-vector product (the paper's sub-sampled Hessian), then the accumulator
///    restarts.
///
/// Why averages and a Hessian product: iterate differences over L steps are long
/// enough to carry curvature information above the gradient noise, and y = ∇²F s
/// has no gradient-difference noise at all (the paper's §2). A pair with
/// s'y not safely positive (`CurvaturePolicy.isDeficient`, as in lbfgs) or not finite
/// (possible on nonconvex losses) is skipped and counted, so H
/// stays positive definite.
///
/// Limitation: the paper draws the Hessian product on a separate, larger curvature
/// batch b_H. The trainer gives the optimizer one batch per step, so the product is
/// taken on the CURRENT step's batch (the batch of step k = multiple of L).
/// Defaults: lr = 0.01, history (M) = 10, update_interval (L) = 10 (the paper's
/// L = 10 to 20 range), constant schedule. Needs Hessian-vector products.
public final class SQN<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "sqn" }
    public let dimension: Int
    public let lr: Double
    public let updateInterval: Int
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var memory: LBFGSMemory<S>
    private var sum: [S]
    private var previousAverage: [S]? = nil
    private var k = 0

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.01, history: Int = 10, updateInterval: Int = 10,
                schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && history >= 1 && updateInterval >= 1, "SQN: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.updateInterval = updateInterval
        self.schedule = schedule
        self.memory = LBFGSMemory(capacity: history, policy: .skip)
        self.sum = [S](repeating: 0, count: dimension)
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "stochastic quasi-Newton: SGD steps, L-BFGS pairs from averaged iterates and Hv (Byrd et al. 2016)",
                             params: params, family: .quasiNewton, costWeight: 1.5)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.01, .positive, "step size α"),
            QuasiNewtonSpecs.history,
            ParamSpec.int("update_interval", 10, .atLeast(1), "L: steps between curvature pairs"),
        ] + LearningRateSchedule.params
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), history: p.int("history"),
                  updateInterval: p.int("update_interval"), schedule: LearningRateSchedule(parameters: p))
    }

    /// Stored curvature pairs, oldest first.
    public var curvaturePairs: [(s: [S], y: [S])] { Array(zip(memory.s, memory.y)).map { (s: $0.0, y: $0.1) } }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "SQN: point has \(x.count) entries, expected \(dimension)")
        guard oracle.supportsHessianVectorProducts else { throw OptimizerError.hessianVectorProductsUnavailable(optimizer: Self.id) }
        let alpha = S(lr * schedule.multiplier(at: iteration))
        let (f, g) = oracle.valueAndGradient(x)
        var report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: alpha, moved: true)
        k += 1
        VectorMath.axpy(1, x, &sum)
        var direction = memory.isInitial ? VectorMath.scaled(g, -1) : memory.direction(g)
        if !memory.isInitial && (!(VectorMath.dot(g, direction) < 0) || !VectorMath.allFinite(direction)) {
            memory.reset()
            direction = VectorMath.scaled(g, -1)
            report.directionReset = true
        }
        VectorMath.axpy(alpha, direction, &x)
        if k % updateInterval == 0 {
            let average = VectorMath.scaled(sum, 1 / S(updateInterval))
            if let previous = previousAverage {
                let s = VectorMath.subtracting(average, previous)
                let y = oracle.hessianVectorProduct(average, s)
                report.hessianVectorProducts = 1
                switch memory.update(s: s, y: y, gradient: g, step: alpha) {
                case .skipped: report.skippedUpdate = true
                case .accepted, .damped: report.curvaturePairAdded = true
                }
            }
            previousAverage = average
            sum = [S](repeating: 0, count: dimension)
        }
        counters.record(report)
        return report
    }
}
