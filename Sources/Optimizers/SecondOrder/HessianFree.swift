import Engine
import Support

/// Hessian-free optimization for mini-batches (Martens, "Deep learning via
/// Hessian-free optimization", ICML 2010, Algorithm 1 with §4.1–4.6).
///
/// Each step works on the current mini-batch with g = ∇f(x) and exact products H v
/// (the paper uses the Gauss-Newton matrix G; the oracle provides H, and CG stops on
/// non-positive curvature where H is indefinite):
/// 1. Damped CG (§4.1): minimize φ(p) = ½ p'(H + λI)p + g'p by conjugate gradients,
///    started from the previous step's last CG iterate decayed, p_0 = ζ p_prev
///    (§4.5, ζ = cg_decay; p_0 = 0 at the first step), residual r = (H + λI)p + g.
/// 2. Stopping (§4.4, relative progress): at iteration i with k = max(10, ⌈0.1 i⌉),
///    stop when i > k, φ(p_i) < 0 and (φ(p_i) − φ(p_{i−k})) / φ(p_i) < k ε
///    (ε = cg_tol); also after cg_max_iter iterations, on a zero residual, or when a
///    direction d has d'(H + λI)d ≤ 0 (then the current iterate is kept; on the first
///    iteration the step is p_0 + d). φ(p) = ½ p'(r + g) costs no product.
/// 3. Iterates p_i are saved at i = ⌈γ^j⌉, j = 0, 1, ... (γ = backtrack_factor) and
///    at the last iteration. CG backtracking (§4.6): starting from the last saved
///    iterate, go back while f(x + p_{j−1}) < f(x + p_j) on the batch; the last
///    iterate minimizes the quadratic model, an earlier one is often better for f
///    because the model is only trusted locally.
/// 4. Levenberg-Marquardt (§4.1): ρ = (f(x + p) − f(x)) / (g'p + ½ p'Hp) against the
///    undamped model; ρ < 1/4 ⇒ λ ← 3λ/2, ρ > 3/4 ⇒ λ ← 2λ/3.
/// 5. The step is taken when f(x + p) < f(x); otherwise x is kept (reported as a
///    failed search) and λ grows by rule 4 since ρ < 0.
///
/// `newton_cg` stays the full-batch method (line search from a cold CG start).
/// Defaults: damping (λ0) = 1, cg_max_iter = 50 (the paper allows 250), cg_tol
/// (ε) = 5e-4, cg_decay (ζ) = 0.95, backtrack_factor (γ) = 1.3 (the paper's values
/// except the iteration cap). Needs Hessian-vector products.
public final class HessianFree<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "hessian_free" }
    public let dimension: Int
    public let cgMaxIterations: Int
    public let cgTolerance: Double
    public let cgDecay: Double
    public let backtrackFactor: Double
    /// Current Levenberg-Marquardt damping λ.
    public private(set) var damping: S
    public private(set) var counters = OptimizerCounters()
    private var previous: [S]? = nil

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, damping: Double = 1, cgMaxIterations: Int = 50, cgTolerance: Double = 5e-4,
                cgDecay: Double = 0.95, backtrackFactor: Double = 1.3) {
        precondition(dimension >= 1 && damping >= 0 && cgMaxIterations >= 1 && cgTolerance > 0 && cgTolerance < 1
                     && (0...1).contains(cgDecay) && backtrackFactor > 1, "HessianFree: invalid hyperparameters")
        self.dimension = dimension
        self.damping = S(damping)
        self.cgMaxIterations = cgMaxIterations
        self.cgTolerance = cgTolerance
        self.cgDecay = cgDecay
        self.backtrackFactor = backtrackFactor
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "Hessian-free on mini-batches: damped warm-started CG with backtracking (Martens 2010)",
                             params: params, family: .secondOrder, costWeight: 10)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("damping", 1, .nonNegative, "initial Levenberg-Marquardt damping λ"),
            ParamSpec.int("cg_max_iter", 50, .atLeast(1), "CG iterations (Hessian-vector products) per step at most"),
            ParamSpec.double("cg_tol", 5e-4, .open(0, 1), "ε of the relative-progress stopping rule"),
            ParamSpec.double("cg_decay", 0.95, .closed(0, 1), "ζ: CG starts from ζ times the previous CG solution"),
            ParamSpec.double("backtrack_factor", 1.3, .greaterThan(1), "γ: CG iterates ⌈γ^j⌉ are kept for backtracking"),
        ]
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        self.init(dimension: dimension, damping: p.double("damping"), cgMaxIterations: p.int("cg_max_iter"),
                  cgTolerance: p.double("cg_tol"), cgDecay: p.double("cg_decay"), backtrackFactor: p.double("backtrack_factor"))
    }

    /// A saved CG iterate with its undamped curvature p'Hp.
    struct Iterate {
        var p: [S]
        var curvature: S
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "HessianFree: point has \(x.count) entries, expected \(dimension)")
        guard oracle.supportsHessianVectorProducts else { throw OptimizerError.hessianVectorProductsUnavailable(optimizer: Self.id) }
        let (f, g) = oracle.valueAndGradient(x)
        let gNorm = VectorMath.norm(g)
        var report = StepReport(value: f, gradientNorm: gNorm, learningRate: 0, moved: false)
        report.damping = damping
        guard gNorm > 0, f.isFinite, gNorm.isFinite else {
            counters.record(report)
            return report
        }
        let point = x, lambda = damping
        var products = 0
        func dampedProduct(_ v: [S]) -> [S] {
            products += 1
            var hv = oracle.hessianVectorProduct(point, v)
            VectorMath.axpy(lambda, v, &hv)
            return hv
        }
        // p'Hp = p'(r − g) − λ p'p from r = (H + λI)p + g.
        func undampedCurvature(_ p: [S], _ r: [S]) -> S {
            VectorMath.dot(p, r) - VectorMath.dot(p, g) - lambda * VectorMath.dot(p, p)
        }
        var p = [S](repeating: 0, count: dimension)
        var r = g
        if let prev = previous, cgDecay > 0 {
            p = VectorMath.scaled(prev, S(cgDecay))
            r = dampedProduct(p)
            VectorMath.axpy(1, g, &r)
        }
        var d = VectorMath.scaled(r, -1)
        var rr = VectorMath.dot(r, r)
        var phis: [S] = [S(0.5) * VectorMath.dot(p, VectorMath.adding(r, 1, g))]
        var saved: [Iterate] = []
        var nextSave = 1.0
        var iterations = 0
        while iterations < cgMaxIterations {
            let ad = dampedProduct(d)
            let curvature = VectorMath.dot(d, ad)
            if !(curvature > 0) || !curvature.isFinite {
                report.negativeCurvature = true
                if iterations == 0 {
                    iterations = 1
                    let q = VectorMath.adding(p, 1, d)
                    let rq = VectorMath.adding(r, 1, ad)
                    p = q
                    r = rq
                }
                break
            }
            iterations += 1
            let alpha = rr / curvature
            VectorMath.axpy(alpha, d, &p)
            VectorMath.axpy(alpha, ad, &r)
            let phi = S(0.5) * VectorMath.dot(p, VectorMath.adding(r, 1, g))
            phis.append(phi)
            if Double(iterations) >= nextSave.rounded(.up) {
                saved.append(Iterate(p: p, curvature: undampedCurvature(p, r)))
                while nextSave.rounded(.up) <= Double(iterations) { nextSave *= backtrackFactor }
            }
            let rrNext = VectorMath.dot(r, r)
            let window = max(10, Int((0.1 * Double(iterations)).rounded(.up)))
            if iterations > window, phi < 0, (phi - phis[iterations - window]) / phi < S(Double(window) * cgTolerance) { break }
            if !(rrNext > 0) { break }
            VectorMath.scale(&d, by: rrNext / rr)
            VectorMath.axpy(-1, r, &d)
            rr = rrNext
        }
        if saved.last.map({ $0.p != p }) ?? true { saved.append(Iterate(p: p, curvature: undampedCurvature(p, r))) }
        previous = p
        report.cgIterations = iterations
        report.hessianVectorProducts = products

        var best = saved.count - 1
        var bestValue = oracle.value(VectorMath.adding(x, 1, saved[best].p))
        var evaluations = 1
        while best > 0 {
            let candidate = oracle.value(VectorMath.adding(x, 1, saved[best - 1].p))
            evaluations += 1
            guard candidate < bestValue else { break }
            best -= 1
            bestValue = candidate
        }
        report.lineSearchEvaluations = evaluations
        let chosen = saved[best]
        let predicted = VectorMath.dot(g, chosen.p) + chosen.curvature / 2
        // A model that predicts no decrease (possible after a negative-curvature exit) counts as a poor fit.
        let rho = predicted < 0 ? (bestValue - f) / predicted : S(-1)
        if !(rho >= S(0.25)) {
            damping = damping * 3 / 2
        } else if rho > S(0.75) {
            damping = damping * 2 / 3
        }
        report.damping = damping
        if bestValue < f, bestValue.isFinite {
            x = VectorMath.adding(x, 1, chosen.p)
            report.moved = true
            report.learningRate = 1
            report.newValue = bestValue
        } else {
            report.lineSearchFailed = true
        }
        counters.record(report)
        return report
    }
}
