import Engine
import Support

/// Newton-CG / Hessian-free optimization: truncated CG on exact Hessian-vector
/// products (Nocedal and Wright, Algorithm 7.1) with Levenberg-Marquardt damping as
/// in Martens, "Deep learning via Hessian-free optimization", ICML 2010, §4.1.
///
/// Each step solves (H + λI) p = -g by `TruncatedCG` (at most cg_max_iter products,
/// relative residual cg_tol, negative-curvature exit), then runs the line search from
/// α0 = lr (Armijo by default). The reduction ratio of the first trial,
/// ρ = (f(x + α0 p) - f(x)) / (α0 g'p + ½ α0² p'Hp) against the undamped quadratic
/// model, adapts λ: ρ < 1/4 ⇒ λ ← 3λ/2, ρ > 3/4 ⇒ λ ← 2λ/3.
/// Defaults: lr = 1, damping (initial λ) = 1, cg_max_iter = 50, cg_tol = 1e-4,
/// line_search = armijo. Needs an oracle with Hessian-vector products.
public final class NewtonCG<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "newton_cg" }
    public let dimension: Int
    public let lr: Double
    public let cgMaxIterations: Int
    public let cgTolerance: Double
    /// Current Levenberg-Marquardt damping λ.
    public private(set) var damping: S
    public private(set) var counters = OptimizerCounters()
    private let lineSearch: any LineSearch<S>
    private var cache = EvaluationCache<S>()

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 1, damping: Double = 1, cgMaxIterations: Int = 50, cgTolerance: Double = 1e-4,
                lineSearch: any LineSearch<S> = ArmijoBacktracking<S>()) {
        precondition(dimension >= 1 && lr > 0 && damping >= 0 && cgMaxIterations >= 1 && cgTolerance > 0 && cgTolerance < 1,
                     "NewtonCG: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.damping = S(damping)
        self.cgMaxIterations = cgMaxIterations
        self.cgTolerance = cgTolerance
        self.lineSearch = lineSearch
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "Newton-CG / Hessian-free with damping (N&W Alg. 7.1, Martens 2010)", params: params, family: .secondOrder, costWeight: 10)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            QuasiNewtonSpecs.lr(),
            ParamSpec.double("damping", 1, .nonNegative, "initial Levenberg-Marquardt damping λ"),
            ParamSpec.int("cg_max_iter", 50, .atLeast(1), "Hessian-vector products per step at most"),
            ParamSpec.double("cg_tol", 1e-4, .open(0, 1), "CG stops at ‖residual‖ ≤ cg_tol ‖g‖"),
            QuasiNewtonSpecs.lineSearch(default: .armijo),
        ]
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        self.init(dimension: dimension, lr: p.double("lr"), damping: p.double("damping"),
                  cgMaxIterations: p.int("cg_max_iter"), cgTolerance: p.double("cg_tol"),
                  lineSearch: LineSearchKind(rawValue: p.string("line_search"))!.make(S.self))
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "NewtonCG: point has \(x.count) entries, expected \(dimension)")
        guard oracle.supportsHessianVectorProducts else { throw OptimizerError.hessianVectorProductsUnavailable(optimizer: Self.id) }
        let (f, g) = cache.start(x, oracle: oracle)
        let gNorm = VectorMath.norm(g)
        var report = StepReport(value: f, gradientNorm: gNorm, learningRate: 0, moved: false)
        report.damping = damping
        guard gNorm > 0, f.isFinite, gNorm.isFinite else {
            counters.record(report)
            return report
        }
        let point = x
        let cg = TruncatedCG.solve(gradient: g, damping: damping, tolerance: S(cgTolerance) * gNorm,
                                   maxIterations: cgMaxIterations, product: { oracle.hessianVectorProduct(point, $0) })
        report.cgIterations = cg.iterations
        report.negativeCurvature = cg.negativeCurvature
        var p = cg.step
        var pHp = cg.curvature
        var slope = VectorMath.dot(g, p)
        if !(slope < 0) || !slope.isFinite {
            p = VectorMath.scaled(g, -1)
            slope = -gNorm * gNorm
            pHp = VectorMath.dot(p, oracle.hessianVectorProduct(point, p))
            report.directionReset = true
        }
        let alpha0 = S(lr)
        let result = lineSearch.search(oracle: oracle, x: x, value: f, gradient: g, direction: p, slope: slope,
                                       initialStep: alpha0, needsGradient: oracle.fullBatch)
        report.lineSearchEvaluations = result.evaluations
        report.lineSearchFailed = !result.satisfied

        let predicted = alpha0 * slope + alpha0 * alpha0 * pHp / 2
        let rho = (result.initialValue - f) / predicted
        if !(rho >= S(0.25)) {
            damping = damping * 3 / 2
        } else if rho > S(0.75) {
            damping = damping * 2 / 3
        }
        report.damping = damping

        if result.moved {
            x = result.point
            cache.store(x, value: result.value, gradient: result.gradient, oracle: oracle)
            report.moved = true
            report.learningRate = result.step
            report.newValue = result.value
        } else {
            cache.clear()
        }
        counters.record(report)
        return report
    }
}
