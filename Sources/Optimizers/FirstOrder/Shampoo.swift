import Engine
import Support

/// Shampoo (Gupta, Koren and Singer, "Shampoo: Preconditioned Stochastic Tensor
/// Optimization", ICML 2018, Algorithm 1), with the exponential averaging, stale
/// preconditioners and per-tensor grafting of Anil, Gupta, Koren, Regan and Singer,
/// "Scalable Second Order Optimization for Deep Learning" (2020).
///
/// Per tensor (the harness attaches the model's tensors, `attach(_:)`; never attached
/// the whole vector is one vector-shaped tensor). At 1-based step t with η_t = lr ×
/// schedule(t − 1), G_t the tensor's mini-batch gradient reshaped row-major to an
/// m × n matrix (m = first dimension, n = product of the others):
/// 1. Momentum (shared with the graft): M_t = β1 M_{t−1} + (1 − β1) G_t,
///    M̂_t = M_t / (1 − β1^t).
/// 2. Statistics: L_t = β2 L_{t−1} + w G_t G_tᵀ (m × m), R_t = β2 R_{t−1} + w G_tᵀ G_t
///    (n × n), with w = 1 − β2 for β2 < 1 (Anil et al.) and w = 1 for β2 = 1, the plain
///    sums L += G Gᵀ, R += Gᵀ G of Gupta et al. (the default).
/// 3. Every `update_interval` steps (t = 1, 1 + k, 1 + 2k, …) the inverse fourth roots
///    P_L = (L_t + εI)^(−1/4), P_R = (R_t + εI)^(−1/4) are recomputed by the cyclic
///    Jacobi eigensolver `SymmetricEigen` (eigenvalues floored at ε); between updates
///    the last roots are used.
/// 4. Direction: D_t = P_L M̂_t P_R. A side longer than `max_preconditioner_dim` gets
///    no factor (identity, as in the one-sided variant of Anil et al.); a tensor with
///    one dimension, or with both sides too long, uses the diagonal AdaGrad-style factor
///    d_t = β2 d_{t−1} + w g_t ⊙ g_t, D_t = M̂_t / √(d_t + ε) (the order-1 case of
///    Gupta et al., exponent −1/2).
/// 5. Grafting to Adam (graft = adam): A_t = M̂_t / (√(v_t / (1 − β2'^t)) + ε') with
///    v_t = β2' v_{t−1} + (1 − β2') g_t ⊙ g_t (β2' = graft_beta2, ε' = graft_eps), and the
///    tensor's step is Δ_t = (‖A_t‖ / ‖D_t‖) D_t: Shampoo's direction with Adam's step
///    length per tensor (Δ_t = 0 when D_t = 0). With graft = none, Δ_t = D_t.
/// 6. Update: x ← x − η_t Δ_t.
///
/// Identifying property: when G Gᵀ and Gᵀ G are diagonal (e.g. G = diag(a, b)), both
/// roots are diagonal and D = G / √(G ⊙ G + ε) entrywise on the diagonal: AdaGrad's
/// scaling with ε under the root; for general G the left and right factors couple the
/// entries of a row and a column. Factors, roots and directions are computed in Double
/// whatever the run's dtype (in fixed loop order, so runs are bit-reproducible).
///
/// Defaults: lr = 0.001 (Adam's, since grafting gives Adam's step length), beta1 = 0.9,
/// beta2 = 1, eps = 1e-6, update_interval = 10, max_preconditioner_dim = 256,
/// graft = adam, graft_beta2 = 0.999, graft_eps = 1e-8. Cost per step for an m × n
/// tensor: O(m²n + mn²) for the statistics and direction, plus O(m³ + n³) per sweep of
/// the eigensolver every update_interval steps.
public final class Shampoo<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "shampoo" }
    /// How each tensor's step length is set (step 5 on the type).
    public enum Graft: String, CaseIterable, Sendable {
        /// Adam's step norm per tensor (Anil et al. 2020).
        case adam
        /// Shampoo's own step, no grafting (Gupta et al. 2018).
        case none
    }

    public let dimension: Int
    public let lr: Double
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    public let updateInterval: Int
    public let maxPreconditionerDim: Int
    public let graft: Graft
    public let graftBeta2: Double
    public let graftEps: Double
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var factors: [Factor]
    private var m: [Double]
    private var v: [Double]
    private var t = 0

    /// Statistics and roots of one tensor (nil sides are not preconditioned).
    struct Factor {
        let range: Range<Int>
        let rows: Int
        let columns: Int
        var left: [Double]?
        var right: [Double]?
        var leftRoot: [Double]?
        var rightRoot: [Double]?
        /// Diagonal statistics d (vectors and tensors with no factor side).
        var diagonal: [Double]?
    }

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 1, eps: Double = 1e-6,
                updateInterval: Int = 10, maxPreconditionerDim: Int = 256, graft: Graft = .adam,
                graftBeta2: Double = 0.999, graftEps: Double = 1e-8, schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && (0..<1).contains(beta1) && beta2 > 0 && beta2 <= 1 && eps > 0
                     && updateInterval >= 1 && maxPreconditionerDim >= 1 && (0..<1).contains(graftBeta2) && graftEps >= 0,
                     "Shampoo: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.updateInterval = updateInterval
        self.maxPreconditionerDim = maxPreconditionerDim
        self.graft = graft
        self.graftBeta2 = graftBeta2
        self.graftEps = graftEps
        self.schedule = schedule
        self.m = [Double](repeating: 0, count: dimension)
        self.v = [Double](repeating: 0, count: dimension)
        self.factors = Self.plan(.flat(dimension), maxDim: maxPreconditionerDim)
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    /// Family first_order: the preconditioner is built from gradient statistics only
    /// (no Hessian products, no curvature pairs).
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "Shampoo: Kronecker-factored preconditioner (L GG')^-1/4 G (G'G)^-1/4 grafted to Adam (Gupta et al. 2018, Anil et al. 2020)",
                             params: params, family: .firstOrder, costWeight: 2)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.001, .positive, "learning rate η (of the grafted Adam step length)"),
            ParamSpec.double("beta1", 0.9, .closedOpen(0, 1), "momentum β1 of the gradient (Shampoo and graft directions)"),
            ParamSpec.double("beta2", 1, .openClosed(0, 1), "factor decay: L = β2 L + (1 − β2) GG' (1: plain sum L += GG')"),
            ParamSpec.double("eps", 1e-6, .positive, "ε I added to each factor before the inverse fourth root"),
            ParamSpec.int("update_interval", 10, .atLeast(1), "steps between recomputed inverse fourth roots"),
            ParamSpec.int("max_preconditioner_dim", 256, .atLeast(1), "longer tensor sides get no factor (vectors: diagonal)"),
            ParamSpec.choice("graft", Graft.adam.rawValue, Graft.allCases.map(\.rawValue), "step length per tensor: adam (Adam's norm) or none"),
            ParamSpec.double("graft_beta2", 0.999, .closedOpen(0, 1), "decay β2 of the grafted Adam's second moment"),
            ParamSpec.double("graft_eps", 1e-8, .nonNegative, "ε of the grafted Adam's denominator"),
        ] + LearningRateSchedule.params
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), beta1: p.double("beta1"), beta2: p.double("beta2"),
                  eps: p.double("eps"), updateInterval: p.int("update_interval"),
                  maxPreconditionerDim: p.int("max_preconditioner_dim"), graft: Graft(rawValue: p.string("graft"))!,
                  graftBeta2: p.double("graft_beta2"), graftEps: p.double("graft_eps"),
                  schedule: LearningRateSchedule(parameters: p))
    }

    /// Uses the model's tensors: one pair of Kronecker factors per tensor with more
    /// than one dimension. Must be called before the first step.
    public func attach(_ blocks: TensorBlocks) {
        precondition(blocks.dimension == dimension, "Shampoo: blocks cover \(blocks.dimension) entries, expected \(dimension)")
        precondition(t == 0, "Shampoo: attach after the first step")
        factors = Self.plan(blocks, maxDim: maxPreconditionerDim)
    }

    /// Zero statistics for every tensor: factors for matrix sides of length at most
    /// `maxDim`, the diagonal for vectors and for tensors with no such side.
    static func plan(_ blocks: TensorBlocks, maxDim: Int) -> [Factor] {
        blocks.blocks.map { b in
            let (rows, columns) = b.matrixShape
            let useLeft = b.isMatrix && rows <= maxDim
            let useRight = b.isMatrix && columns <= maxDim
            let zeros = { (k: Int) in [Double](repeating: 0, count: k) }
            return Factor(range: b.range, rows: rows, columns: columns,
                          left: useLeft ? zeros(rows * rows) : nil, right: useRight ? zeros(columns * columns) : nil,
                          leftRoot: nil, rightRoot: nil,
                          diagonal: useLeft || useRight ? nil : zeros(b.count))
        }
    }

    /// (S + εI)^(−1/4) of a symmetric statistic (n × n, row-major).
    func root(_ stat: [Double], n: Int) -> [Double] {
        var a = stat
        for i in 0..<n { a[i * n + i] += eps }
        return SymmetricEigen.inverseFourthRoot(a, n: n, floor: eps)
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "Shampoo: point has \(x.count) entries, expected \(dimension)")
        let eta = lr * schedule.multiplier(at: iteration)
        let (f, gS) = oracle.valueAndGradient(x)
        let g = gS.map { Double($0) }
        t += 1
        let bc1 = 1 - LearningRateSchedule.power(beta1, t)
        let bc2Root = (1 - LearningRateSchedule.power(graftBeta2, t)).squareRoot()
        let w = beta2 < 1 ? 1 - beta2 : 1
        let refresh = (t - 1) % updateInterval == 0
        for i in 0..<dimension {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            v[i] = graftBeta2 * v[i] + (1 - graftBeta2) * (g[i] * g[i])
        }
        for k in factors.indices {
            let range = factors[k].range
            let rows = factors[k].rows, cols = factors[k].columns
            let o = range.lowerBound
            let mHat = range.map { m[$0] / bc1 }
            var direction: [Double]
            if var d = factors[k].diagonal {
                for j in 0..<range.count { d[j] = beta2 * d[j] + w * (g[o + j] * g[o + j]) }
                factors[k].diagonal = d
                direction = (0..<range.count).map { mHat[$0] / (d[$0] + eps).squareRoot() }
            } else {
                if var l = factors[k].left {
                    for i in 0..<rows {
                        for j in i..<rows {
                            var s = 0.0
                            for c in 0..<cols { s += g[o + i * cols + c] * g[o + j * cols + c] }
                            l[i * rows + j] = beta2 * l[i * rows + j] + w * s
                            l[j * rows + i] = l[i * rows + j]
                        }
                    }
                    factors[k].left = l
                    if refresh { factors[k].leftRoot = root(l, n: rows) }
                }
                if var r = factors[k].right {
                    for i in 0..<cols {
                        for j in i..<cols {
                            var s = 0.0
                            for q in 0..<rows { s += g[o + q * cols + i] * g[o + q * cols + j] }
                            r[i * cols + j] = beta2 * r[i * cols + j] + w * s
                            r[j * cols + i] = r[i * cols + j]
                        }
                    }
                    factors[k].right = r
                    if refresh { factors[k].rightRoot = root(r, n: cols) }
                }
                direction = mHat
                if let pl = factors[k].leftRoot {          // P_L M̂
                    var out = [Double](repeating: 0, count: range.count)
                    for i in 0..<rows {
                        for q in 0..<rows {
                            let a = pl[i * rows + q]
                            if a == 0 { continue }
                            for c in 0..<cols { out[i * cols + c] += a * direction[q * cols + c] }
                        }
                    }
                    direction = out
                }
                if let pr = factors[k].rightRoot {         // (·) P_R
                    var out = [Double](repeating: 0, count: range.count)
                    for i in 0..<rows {
                        for q in 0..<cols {
                            let a = direction[i * cols + q]
                            if a == 0 { continue }
                            for c in 0..<cols { out[i * cols + c] += a * pr[q * cols + c] }
                        }
                    }
                    direction = out
                }
            }
            if graft == .adam {
                var normA = 0.0, normD = 0.0
                for j in 0..<range.count {
                    let a = mHat[j] == 0 ? 0 : mHat[j] / (v[o + j].squareRoot() / bc2Root + graftEps)
                    normA += a * a
                    normD += direction[j] * direction[j]
                }
                let scale = normD > 0 ? normA.squareRoot() / normD.squareRoot() : 0
                for j in 0..<range.count { direction[j] *= scale }
            }
            for j in 0..<range.count { x[o + j] -= S(eta * direction[j]) }
        }
        let report = StepReport(value: f, gradientNorm: VectorMath.norm(gS), learningRate: S(eta), moved: true)
        counters.record(report)
        return report
    }
}
