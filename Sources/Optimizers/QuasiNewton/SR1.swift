import Engine
import Support

/// Symmetric rank-one quasi-Newton method with a dense matrix, in two variants.
///
/// - `trust_region = true` (default): Nocedal and Wright Algorithm 6.2 on the Hessian
///   approximation B (update eq. 6.24, skip rule eq. 6.26), subproblems solved by
///   CG-Steihaug (at most min(n, 250) products), radius rule of `TrustRegionRadius`.
///   B is updated after every trial step, accepted or rejected.
/// - `trust_region = false`: p = -H g with the inverse update eq. 6.25 and a line
///   search (Armijo by default); a non-descent direction resets H to I.
/// Skipped updates and rejected trust-region steps are counted. Memory is n² scalars:
/// a model whose matrix exceeds `max_memory_mb` is refused in favour of `lsr1`.
/// Defaults: trust_region = true, radius = 1, max_radius = 100, eta = 1e-4,
/// skip_r = 1e-8, lr = 1 and line_search = armijo (line-search variant only),
/// max_memory_mb = 512.
public final class SR1<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "sr1" }
    public let dimension: Int
    public let usesTrustRegion: Bool
    public private(set) var counters = OptimizerCounters()
    private var model: DenseSR1Update<S>
    private var lineStepper: LineSearchStepper<S>?
    private var regionStepper: TrustRegionStepper<S>?

    /// The trust-region variant.
    public init(dimension: Int, radius: Double = 1, maxRadius: Double = 100, eta: Double = 1e-4, skipR: Double = 1e-8,
                maxMemoryMB: Double = 512) throws(OptimizerError) {
        precondition(dimension >= 1 && skipR > 0 && skipR < 1, "SR1: invalid hyperparameters")
        try DenseSymmetricMatrix<S>.checkMemory(optimizer: Self.id, dimension: dimension, scalarBytes: MemoryLayout<S>.size,
                                                limitMB: maxMemoryMB, alternative: "lsr1")
        self.dimension = dimension
        self.usesTrustRegion = true
        self.model = DenseSR1Update(dimension: dimension, inverse: false, skipThreshold: S(skipR))
        self.regionStepper = TrustRegionStepper(radius: TrustRegionRadius(radius: S(radius), maxRadius: S(maxRadius), eta: S(eta)))
    }

    /// The line-search variant on the inverse approximation H.
    public init(dimension: Int, lr: Double = 1, lineSearch: any LineSearch<S>, skipR: Double = 1e-8,
                maxMemoryMB: Double = 512) throws(OptimizerError) {
        precondition(dimension >= 1 && lr > 0 && skipR > 0 && skipR < 1, "SR1: invalid hyperparameters")
        try DenseSymmetricMatrix<S>.checkMemory(optimizer: Self.id, dimension: dimension, scalarBytes: MemoryLayout<S>.size,
                                                limitMB: maxMemoryMB, alternative: "lsr1")
        self.dimension = dimension
        self.usesTrustRegion = false
        self.model = DenseSR1Update(dimension: dimension, inverse: true, skipThreshold: S(skipR))
        self.lineStepper = LineSearchStepper(lineSearch: lineSearch, lr: S(lr))
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "symmetric rank-1 update (N&W eq. 6.24, skip rule 6.26, trust region Alg. 6.2)", params: params, rules: [QuasiNewtonSpecs.radiusRule], family: .quasiNewton, costWeight: 2.5)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [QuasiNewtonSpecs.trustRegion, QuasiNewtonSpecs.radius, QuasiNewtonSpecs.maxRadius, QuasiNewtonSpecs.eta,
         QuasiNewtonSpecs.skipR, QuasiNewtonSpecs.lr("initial line-search step (line-search variant)"),
         QuasiNewtonSpecs.lineSearch(default: .armijo), QuasiNewtonSpecs.maxMemory]
    }

    /// Cross-parameter and model-size checks run before anything is built.
    public static func validateCombination(_ p: OptimizerParameters, dimension: Int?, scalarBytes: Int) throws(OptimizerError) {
        if let dimension {
            try DenseSymmetricMatrix<S>.checkMemory(optimizer: id, dimension: dimension, scalarBytes: scalarBytes,
                                                    limitMB: p.double("max_memory_mb"), alternative: "lsr1")
        }
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        if p.bool("trust_region") {
            try self.init(dimension: dimension, radius: p.double("radius"), maxRadius: p.double("max_radius"),
                          eta: p.double("eta"), skipR: p.double("skip_r"), maxMemoryMB: p.double("max_memory_mb"))
        } else {
            try self.init(dimension: dimension, lr: p.double("lr"),
                          lineSearch: LineSearchKind(rawValue: p.string("line_search"))!.make(S.self),
                          skipR: p.double("skip_r"), maxMemoryMB: p.double("max_memory_mb"))
        }
    }

    /// The Hessian approximation B (trust-region variant) or nil.
    public var hessianApproximation: DenseSymmetricMatrix<S>? { usesTrustRegion ? model.matrix : nil }
    /// The inverse-Hessian approximation H (line-search variant) or nil.
    public var inverseHessianApproximation: DenseSymmetricMatrix<S>? { usesTrustRegion ? nil : model.matrix }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "SR1: point has \(x.count) entries, expected \(dimension)")
        let report: StepReport<S>
        if var stepper = regionStepper {
            report = stepper.step(&x, oracle: oracle, maxIterations: min(dimension, 250),
                                  product: { model.matrix.multiply($0) },
                                  update: { model.add(s: $0, y: $1) })
            regionStepper = stepper
        } else {
            report = lineStepper!.step(&x, oracle: oracle, model: &model)
        }
        counters.record(report)
        return report
    }
}
