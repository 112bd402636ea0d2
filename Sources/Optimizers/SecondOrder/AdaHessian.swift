import Engine
import Support

/// AdaHessian (Yao, Gholami, Shen, Mustafa, Keutzer and Mahoney, "ADAHESSIAN: An
/// adaptive second order optimizer for machine learning", AAAI 2021, Algorithm 1).
///
/// At 1-based step t with η_t = lr × schedule(t − 1), g_t the mini-batch gradient:
/// 1. Hutchinson diagonal (eq. 7): D_t = (1/S) Σ_s z_s ⊙ H z_s, z_s Rademacher, S =
///    hessian_samples products on the current batch (`HutchinsonDiagonal`; vectors
///    from Philox keyed by `seed` and the step, so runs are bit-reproducible).
/// 2. Spatial averaging (eq. 9), per tensor (the harness attaches the model's
///    tensors, `attach(_:)`): D_t^(s)[j] = mean of D_t over the block of b =
///    block_size consecutive entries holding j, where blocks run row-major inside one
///    tensor with more than one dimension and restart at every row of its last
///    dimension (the last block of a row may be shorter), so a block never mixes two
///    tensors or two rows. For a Linear weight stored [inputs, outputs] a block is b
///    consecutive outputs fed by one input; the paper's rule for convolution kernels
///    (average over the kernel's spatial positions) is the same reduction with b the
///    kernel size. Vectors (biases, gains) are never averaged. The authors' code
///    averages only 4-D convolution kernels (over their k × k positions) and uses
///    block size 1 for 1-D and 2-D tensors; block_size = 1 (default) reproduces that
///    for this zoo (no 4-D tensors), and block_size > 1 applies eq. 9 inside the rows
///    of 2-D weights as stated above. A test function's point (or a never attached
///    optimizer) is one row: the whole flat vector.
/// 3. Moments (eq. 10): m_t = β1 m_{t−1} + (1 − β1) g_t,
///    v_t = β2 v_{t−1} + (1 − β2) D_t^(s) ⊙ D_t^(s).
/// 4. Update (eq. 10–11): x ← x − η_t (m_t / (1 − β1^t)) / ((√v_t / √(1 − β2^t))^k + ε),
///    with k = hessian_power.
///
/// Safeguards: squaring D before the average makes the denominator positive even
/// where the curvature estimate is negative (the paper's choice, as RMS of D); ε keeps
/// the division finite where D vanishes; the bias corrections (computed in Double)
/// undo the zero start of m and v as in Adam. For k ≠ 1 the power is
/// exp(k log r) through the engine's deterministic exp and log.
///
/// On a diagonal quadratic with one sample, D = diag(H) exactly, so the first step
/// with lr = 1, ε = 0 is the Newton step x − H⁻¹g.
/// Defaults (paper): lr = 0.15, beta1 = 0.9, beta2 = 0.999, eps = 1e-4,
/// hessian_power = 1, block_size = 1, hessian_samples = 1, seed = 0. No weight decay
/// (use a regularizer). Needs Hessian-vector products.
public final class AdaHessian<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "adahessian" }
    public let dimension: Int
    public let lr: Double
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    public let hessianPower: Double
    public let blockSize: Int
    public let samples: Int
    public let seed: Int
    public var schedule: LearningRateSchedule
    public private(set) var counters = OptimizerCounters()
    private var m: [S]
    private var v: [S]
    private var t = 0
    /// Rows over which blocks are averaged (see the type's step 2).
    private var averagingRows: [Range<Int>]

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 0.15, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-4,
                hessianPower: Double = 1, blockSize: Int = 1, samples: Int = 1, seed: Int = 0,
                schedule: LearningRateSchedule = .constant) {
        precondition(dimension >= 1 && lr > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && eps >= 0
                     && (0...1).contains(hessianPower) && blockSize >= 1 && samples >= 1 && seed >= 0,
                     "AdaHessian: invalid hyperparameters")
        self.dimension = dimension
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.hessianPower = hessianPower
        self.blockSize = blockSize
        self.samples = samples
        self.seed = seed
        self.schedule = schedule
        self.m = [S](repeating: 0, count: dimension)
        self.v = [S](repeating: 0, count: dimension)
        self.averagingRows = Self.averagingRows(TensorBlocks.flat(dimension))
    }

    /// Rows of the flat vector inside which spatial averaging runs: each row of the
    /// last dimension of a tensor with more than one dimension, and a test function's
    /// whole point. Vectors (biases, gains) give no row.
    static func averagingRows(_ blocks: TensorBlocks) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        for b in blocks.blocks {
            if b.role == .point { rows.append(b.range); continue }
            guard b.isMatrix else { continue }
            let width = b.shape[b.shape.count - 1]
            var start = b.offset
            while start < b.range.upperBound { rows.append(start..<(start + width)); start += width }
        }
        return rows
    }

    /// Uses the model's tensors for spatial averaging (step 2 on the type).
    public func attach(_ blocks: TensorBlocks) {
        precondition(blocks.dimension == dimension, "AdaHessian: blocks cover \(blocks.dimension) entries, expected \(dimension)")
        averagingRows = Self.averagingRows(blocks)
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "AdaHessian: Adam with a Hutchinson Hessian diagonal (Yao et al. 2021)",
                             params: params, family: .secondOrder, costWeight: 3)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [
            ParamSpec.double("lr", 0.15, .positive, "learning rate η"),
            ParamSpec.double("beta1", 0.9, .closedOpen(0, 1), "decay β1 of the gradient average"),
            ParamSpec.double("beta2", 0.999, .closedOpen(0, 1), "decay β2 of the squared Hessian-diagonal average"),
            ParamSpec.double("eps", 1e-4, .nonNegative, "ε added to the denominator"),
            ParamSpec.double("hessian_power", 1, .closed(0, 1), "Hessian power k of the denominator"),
            ParamSpec.int("block_size", 1, .atLeast(1), "spatial-averaging block of consecutive entries within each row of a matrix tensor (1: none)"),
            ParamSpec.int("hessian_samples", 1, .atLeast(1), "Rademacher Hessian-vector products per step"),
            ParamSpec.int("seed", 0, .nonNegative, "key of the Rademacher vectors (with the step)"),
        ] + LearningRateSchedule.params
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        self.init(dimension: dimension, lr: p.double("lr"), beta1: p.double("beta1"), beta2: p.double("beta2"),
                  eps: p.double("eps"), hessianPower: p.double("hessian_power"), blockSize: p.int("block_size"),
                  samples: p.int("hessian_samples"), seed: p.int("seed"), schedule: LearningRateSchedule(parameters: p))
    }

    /// Mean of `d` over consecutive blocks of `size` entries inside each of `rows`
    /// (eq. 9 per tensor row); entries outside every row are returned unchanged.
    static func blockAverage(_ d: [S], size: Int, rows: [Range<Int>]) -> [S] {
        guard size > 1 else { return d }
        var out = d
        for row in rows {
            var start = row.lowerBound
            while start < row.upperBound {
                let end = min(start + size, row.upperBound)
                var sum: S = 0
                for i in start..<end { sum += d[i] }
                let mean = sum / S(end - start)
                for i in start..<end { out[i] = mean }
                start = end
            }
        }
        return out
    }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "AdaHessian: point has \(x.count) entries, expected \(dimension)")
        guard oracle.supportsHessianVectorProducts else { throw OptimizerError.hessianVectorProductsUnavailable(optimizer: Self.id) }
        let eta = lr * schedule.multiplier(at: iteration)
        let (f, g) = oracle.valueAndGradient(x)
        let d = Self.blockAverage(HutchinsonDiagonal.estimate(oracle: oracle, at: x, samples: samples, seed: seed,
                                                              purpose: "optimizers/adahessian", iteration: iteration),
                                  size: blockSize, rows: averagingRows)
        t += 1
        let bc1 = 1 - LearningRateSchedule.power(beta1, t)
        let bc2Root = S((1 - LearningRateSchedule.power(beta2, t)).squareRoot())
        let b1 = S(beta1), b2 = S(beta2), stepSize = S(eta / bc1), epsS = S(eps), k = S(hessianPower)
        for i in 0..<dimension {
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * (d[i] * d[i])
            let r = v[i].squareRoot() / bc2Root
            let rk: S = hessianPower == 1 ? r : (r > 0 ? S.exp(k * S.log(r)) : (hessianPower == 0 ? 1 : 0))
            x[i] -= stepSize * (m[i] / (rk + epsS))
        }
        var report = StepReport(value: f, gradientNorm: VectorMath.norm(g), learningRate: S(eta), moved: true)
        report.hessianVectorProducts = samples
        counters.record(report)
        return report
    }
}
