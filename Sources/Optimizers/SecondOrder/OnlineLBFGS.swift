import Engine
import Support

/// Online L-BFGS, oLBFGS (Schraudolph, Yu and Günter, "A stochastic quasi-Newton
/// method for online convex optimization", AISTATS 2007, Algorithm 2 with the
/// limited-memory direction of §3).
///
/// At step t = 0, 1, ... on the current batch B_t:
/// 1. g_t = ∇f(x_t; B_t);
/// 2. p_t = −ε g_t when the memory is empty (ε = initial_scale; the paper's first
///    step), otherwise p_t = −H_t g_t by the two-loop recursion (Nocedal and Wright,
///    Algorithm 7.4) over the last m = history pairs with the paper's initial matrix
///    H_t⁰ = (1/m_t) Σ_i s_i'y_i / y_i'y_i I, the average over the m_t stored pairs
///    (instead of N&W eq. 7.20's newest pair alone: one noisy pair does not set the scale);
/// 3. η_t = τ / (τ + t) η0 (the gain schedule replaces a line search, which is
///    unreliable on noisy mini-batch values); s_t = η_t p_t; x_{t+1} = x_t + s_t;
/// 4. y_t = ∇f(x_{t+1}; B_t) − g_t + λ s_t: both gradients on the SAME batch, so y_t
///    measures curvature and not the change of batch; this costs one extra gradient
///    evaluation per step (two per step in all);
/// 5. the pair (s_t, y_t) enters the memory when s_t'y_t > 0 and is finite, and is
///    skipped (counted) otherwise, so H stays positive definite on nonconvex losses.
///    λ > 0 (the paper's model-trust regularization) makes s'y ≥ λ s's > 0 on convex
///    objectives and bounds H's eigenvalues by 1/λ.
/// A direction that is not finite or not a descent direction resets the memory and
/// falls back to −ε g (counted as a direction reset).
///
/// The paper's step-size constant c is folded into η0. With a constant batch, λ = 0
/// and one pair of history, this is L-BFGS with H0 from that pair and the fixed step
/// η_t. Defaults: lr (η0) = 0.1, tau = 1e4, lambda = 0, history = 10 (the paper's
/// values), initial_scale (ε) = 0.01: the paper's ε = 1e-10 makes the first step
/// round away in float32 (x + s = x, so y = 0, the pair is skipped and the method
/// never leaves x_0); set initial_scale = 1e-10 for the paper's value in float64.
public final class OnlineLBFGS<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "olbfgs" }
    public let dimension: Int
    public let eta0: Double
    public let tau: Double
    public let lambda: Double
    public let history: Int
    public let initialScale: Double
    public private(set) var counters = OptimizerCounters()
    private var s: [[S]] = []
    private var y: [[S]] = []
    private var t = 0

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, eta0: Double = 0.1, tau: Double = 1e4, lambda: Double = 0, history: Int = 10,
                initialScale: Double = 0.01) {
        precondition(dimension >= 1 && eta0 > 0 && tau > 0 && lambda >= 0 && history >= 1 && initialScale > 0,
                     "OnlineLBFGS: invalid hyperparameters")
        self.dimension = dimension
        self.eta0 = eta0
        self.tau = tau
        self.lambda = lambda
        self.history = history
        self.initialScale = initialScale
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "online L-BFGS, same-batch pairs and gain schedule (Schraudolph, Yu and Günter 2007)",
                             params: params, family: .quasiNewton, costWeight: 3)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.1, .positive, "initial gain η0 of η_t = τ / (τ + t) η0"),
            ParamSpec.double("tau", 1e4, .positive, "τ of the gain schedule"),
            ParamSpec.double("lambda", 0, .nonNegative, "pair regularization: y = Δg + λ s"),
            QuasiNewtonSpecs.history,
            ParamSpec.double("initial_scale", 0.01, .positive, "ε: the first direction is −ε g"),
        ]
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        self.init(dimension: dimension, eta0: p.double("lr"), tau: p.double("tau"), lambda: p.double("lambda"),
                  history: p.int("history"), initialScale: p.double("initial_scale"))
    }

    /// Stored curvature pairs, oldest first.
    public var curvaturePairs: [(s: [S], y: [S])] { Array(zip(s, y)).map { (s: $0.0, y: $0.1) } }

    /// −H g by the two-loop recursion with the averaged initial scaling.
    func direction(_ g: [S]) -> [S] {
        let m = s.count
        guard m > 0 else { return VectorMath.scaled(g, -S(initialScale)) }
        var rho = [S](repeating: 0, count: m), alpha = [S](repeating: 0, count: m)
        var gamma: S = 0
        for i in 0..<m {
            let sy = VectorMath.dot(s[i], y[i])
            rho[i] = 1 / sy
            gamma += sy / VectorMath.dot(y[i], y[i])
        }
        gamma /= S(m)
        var q = g
        for i in stride(from: m - 1, through: 0, by: -1) {
            alpha[i] = rho[i] * VectorMath.dot(s[i], q)
            VectorMath.axpy(-alpha[i], y[i], &q)
        }
        VectorMath.scale(&q, by: gamma)
        for i in 0..<m {
            let beta = rho[i] * VectorMath.dot(y[i], q)
            VectorMath.axpy(alpha[i] - beta, s[i], &q)
        }
        VectorMath.scale(&q, by: -1)
        return q
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "OnlineLBFGS: point has \(x.count) entries, expected \(dimension)")
        let (f, g) = oracle.valueAndGradient(x)
        let eta = S(tau / (tau + Double(t)) * eta0)
        t += 1
        var report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: eta, moved: false)
        guard f.isFinite, VectorMath.allFinite(g) else {
            counters.record(report)
            return report
        }
        var p = direction(g)
        let slope = VectorMath.dot(g, p)
        if !s.isEmpty && (!(slope < 0) || !VectorMath.allFinite(p)) {
            s.removeAll()
            y.removeAll()
            p = VectorMath.scaled(g, -S(initialScale))
            report.directionReset = true
        }
        let xNew = VectorMath.adding(x, eta, p)
        // The step actually taken (x_{t+1} − x_t after rounding), so that s and y describe the same two points.
        let step = VectorMath.subtracting(xNew, x)
        let (fNew, gNew) = oracle.valueAndGradient(xNew)
        var yNew = VectorMath.subtracting(gNew, g)
        if lambda != 0 { VectorMath.axpy(S(lambda), step, &yNew) }
        let sy = VectorMath.dot(step, yNew)
        if sy > 0, sy.isFinite, VectorMath.dot(yNew, yNew).isFinite {
            if s.count == history {
                s.removeFirst()
                y.removeFirst()
            }
            s.append(step)
            y.append(yNew)
            report.curvaturePairAdded = true
        } else {
            report.skippedUpdate = true
        }
        x = xNew
        report.moved = true
        report.newValue = fNew
        counters.record(report)
        return report
    }
}
