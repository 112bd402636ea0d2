import Engine
import Support

/// Sophia-H (Liu, Li, Hall, Liang and Ma, "Sophia: A scalable stochastic
/// second-order optimizer for language model pre-training", 2023, Algorithm 1 with
/// the Hutchinson estimator of Algorithm 2).
///
/// At step t = 1, 2, ... with η_t = lr × schedule(t − 1), g_t the mini-batch gradient:
/// 1. m_t = β1 m_{t−1} + (1 − β1) g_t (no bias correction, as in the paper);
/// 2. every k steps (t mod k = 1, so at the first step): ĥ_t = u ⊙ H u with u
///    Rademacher (the average of hessian_samples such products, Philox keyed by
///    `seed` and the step) and h_t = β2 h_{t−k} + (1 − β2) ĥ_t; otherwise h_t = h_{t−1};
///    h_0 = 0;
/// 3. x ← x − η_t λ x (decoupled weight decay, λ = weight_decay);
/// 4. x ← x − η_t clip(m_t / max(γ h_t, ε), 1), clip(z, 1) = max(min(z, 1), −1)
///    element-wise (γ = rho).
///
/// Safeguards (the paper's): max(γ h, ε) keeps the denominator positive where the
/// curvature estimate is negative, tiny or not yet estimated (there the ratio is
/// huge and the clip turns the step into sign(m) η, i.e. sign momentum); the clip
/// bounds every coordinate's move by η_t, which guards against a stale or wrong
/// curvature estimate between refreshes.
/// Defaults: lr = 2e-4, beta1 = 0.965, beta2 = 0.99, rho (γ) = 0.01, eps = 1e-12,
/// k = 10, weight_decay = 0 (the paper uses 0.2 on language models; here decay is
/// left to the regularizers by default), hessian_samples = 1, seed = 0.
/// Needs Hessian-vector products.
public final class Sophia<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "sophia" }
    public let dimension: Int
    public let lr: Double
    public let beta1: Double
    public let beta2: Double
    public let rho: Double
    public let eps: Double
    public let interval: Int
    public let weightDecay: Double
    public let samples: Int
    public let seed: Int
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var m: [S]
    private var h: [S]
    private var t = 0

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 2e-4, beta1: Double = 0.965, beta2: Double = 0.99, rho: Double = 0.01,
                eps: Double = 1e-12, interval: Int = 10, weightDecay: Double = 0, samples: Int = 1, seed: Int = 0,
                schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && rho > 0
                     && eps > 0 && interval >= 1 && weightDecay >= 0 && samples >= 1 && seed >= 0,
                     "Sophia: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.rho = rho
        self.eps = eps
        self.interval = interval
        self.weightDecay = weightDecay
        self.samples = samples
        self.seed = seed
        self.schedule = schedule
        self.m = [S](repeating: 0, count: dimension)
        self.h = [S](repeating: 0, count: dimension)
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "Sophia-H: clipped diagonal-Hessian preconditioned momentum (Liu et al. 2023)",
                             params: params, family: .secondOrder, costWeight: 1.5)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 2e-4, .positive, "learning rate η (largest move of one coordinate per step)"),
            ParamSpec.double("beta1", 0.965, .closedOpen(0, 1), "decay β1 of the gradient average"),
            ParamSpec.double("beta2", 0.99, .closedOpen(0, 1), "decay β2 of the Hessian-diagonal average"),
            ParamSpec.double("rho", 0.01, .positive, "γ: step m / max(γ h, ε) before clipping to [-1, 1]"),
            ParamSpec.double("eps", 1e-12, .positive, "ε: floor of the denominator γ h"),
            ParamSpec.int("k", 10, .atLeast(1), "steps between Hessian-diagonal estimates"),
            ParamSpec.double("weight_decay", 0, .nonNegative, "decoupled weight decay λ (x -= η λ x)"),
            ParamSpec.int("hessian_samples", 1, .atLeast(1), "Rademacher Hessian-vector products per estimate"),
            ParamSpec.int("seed", 0, .nonNegative, "key of the Rademacher vectors (with the step)"),
        ] + LearningRateSchedule.params
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), beta1: p.double("beta1"), beta2: p.double("beta2"),
                  rho: p.double("rho"), eps: p.double("eps"), interval: p.int("k"), weightDecay: p.double("weight_decay"),
                  samples: p.int("hessian_samples"), seed: p.int("seed"), schedule: LearningRateSchedule(parameters: p))
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "Sophia: point has \(x.count) entries, expected \(dimension)")
        guard oracle.supportsHessianVectorProducts else { throw OptimizerError.hessianVectorProductsUnavailable(optimizer: Self.id) }
        let eta = lr * schedule.multiplier(at: iteration)
        let (f, g) = oracle.valueAndGradient(x)
        var report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: S(eta), moved: true)
        let refresh = t % interval == 0
        t += 1
        if refresh {
            let hHat = HutchinsonDiagonal.estimate(oracle: oracle, at: x, samples: samples, seed: seed,
                                                   purpose: "optimizers/sophia", iteration: iteration)
            let b2 = S(beta2)
            for i in 0..<dimension { h[i] = b2 * h[i] + (1 - b2) * hHat[i] }
            report.hessianVectorProducts = samples
        }
        let b1 = S(beta1), etaS = S(eta), decay = S(eta * weightDecay), gamma = S(rho), epsS = S(eps)
        for i in 0..<dimension {
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            if weightDecay != 0 { x[i] -= decay * x[i] }
            let ratio = m[i] / max(gamma * h[i], epsS)
            x[i] -= etaS * min(max(ratio, -1), 1)
        }
        counters.record(report)
        return report
    }
}
