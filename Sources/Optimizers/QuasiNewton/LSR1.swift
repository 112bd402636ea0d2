import Engine
import Support

/// Limited-memory SR1 for models too large for a dense matrix: the compact
/// representation of Byrd, Nocedal and Schnabel (1994) over the last `history`
/// pairs (see `CompactSR1`), memory about 3 · history · n scalars.
///
/// - `trust_region = true` (default): Nocedal and Wright Algorithm 6.2 with B in
///   compact form, subproblems by CG-Steihaug (at most min(n, 2 · history + 10)
///   products; B is γI plus a rank-`history` term).
/// - `trust_region = false`: p = -H g with the compact inverse form and a line search
///   (Armijo by default); a non-descent direction clears the memory.
/// Pairs failing the SR1 safeguard (eq. 6.26 with r = skip_r) are skipped and counted.
/// Defaults: history = 10, trust_region = true, radius = 1, max_radius = 100,
/// eta = 1e-4, skip_r = 1e-8, lr = 1 and line_search = armijo (line-search variant).
public final class LSR1<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "lsr1" }
    public let dimension: Int
    public let history: Int
    public let usesTrustRegion: Bool
    public private(set) var counters = OptimizerCounters()
    private var model: CompactSR1<S>
    private var lineStepper: LineSearchStepper<S>?
    private var regionStepper: TrustRegionStepper<S>?

    /// The trust-region variant.
    public init(dimension: Int, history: Int = 10, radius: Double = 1, maxRadius: Double = 100, eta: Double = 1e-4,
                skipR: Double = 1e-8) {
        precondition(dimension >= 1 && history >= 1 && skipR > 0 && skipR < 1, "LSR1: invalid hyperparameters")
        self.dimension = dimension
        self.history = history
        self.usesTrustRegion = true
        self.model = CompactSR1(capacity: history, inverse: false, skipThreshold: S(skipR))
        self.regionStepper = TrustRegionStepper(radius: TrustRegionRadius(radius: S(radius), maxRadius: S(maxRadius), eta: S(eta)))
    }

    /// The line-search variant on the compact inverse form.
    public init(dimension: Int, history: Int = 10, lr: Double = 1, lineSearch: any LineSearch<S>, skipR: Double = 1e-8) {
        precondition(dimension >= 1 && history >= 1 && lr > 0 && skipR > 0 && skipR < 1, "LSR1: invalid hyperparameters")
        self.dimension = dimension
        self.history = history
        self.usesTrustRegion = false
        self.model = CompactSR1(capacity: history, inverse: true, skipThreshold: S(skipR))
        self.lineStepper = LineSearchStepper(lineSearch: lineSearch, lr: S(lr))
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "limited-memory SR1 (compact form, Byrd, Nocedal and Schnabel 1994) with a trust region", params: params, rules: [QuasiNewtonSpecs.radiusRule], family: .quasiNewton, costWeight: 2.5)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [QuasiNewtonSpecs.history, QuasiNewtonSpecs.trustRegion, QuasiNewtonSpecs.radius, QuasiNewtonSpecs.maxRadius,
         QuasiNewtonSpecs.eta, QuasiNewtonSpecs.skipR, QuasiNewtonSpecs.lr("initial line-search step (line-search variant)"),
         QuasiNewtonSpecs.lineSearch(default: .armijo)]
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try Self.validateCombination(p, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        if p.bool("trust_region") {
            self.init(dimension: dimension, history: p.int("history"), radius: p.double("radius"),
                      maxRadius: p.double("max_radius"), eta: p.double("eta"), skipR: p.double("skip_r"))
        } else {
            self.init(dimension: dimension, history: p.int("history"), lr: p.double("lr"),
                      lineSearch: LineSearchKind(rawValue: p.string("line_search"))!.make(S.self), skipR: p.double("skip_r"))
        }
    }

    /// Number of stored curvature pairs.
    public var storedPairs: Int { model.count }

    /// The current approximation (B for the trust-region variant, H otherwise) times v.
    public func applyApproximation(_ v: [S]) -> [S] { model.apply(v) }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "LSR1: point has \(x.count) entries, expected \(dimension)")
        let report: StepReport<S>
        if var stepper = regionStepper {
            report = stepper.step(&x, oracle: oracle, maxIterations: min(dimension, 2 * history + 10),
                                  product: { model.apply($0) },
                                  update: { model.add(s: $0, y: $1) })
            regionStepper = stepper
        } else {
            report = lineStepper!.step(&x, oracle: oracle, model: &model)
        }
        counters.record(report)
        return report
    }
}
