import Engine
import Support

/// Limited-memory BFGS, Nocedal and Wright Algorithm 7.5: p = -H g from the two-loop
/// recursion over the last `history` pairs (Algorithm 7.4) with H0 = (s'y / y'y) I
/// (eq. 7.20), then a line search. Memory is 2 · history · n scalars.
///
/// On mini-batches each pair uses one batch for both gradients, y = g(x_new; B) - g(x; B),
/// as in online L-BFGS (Schraudolph, Yu and Günter, 2007). Pairs with y's not safely
/// positive are skipped (default) or Powell-damped, and counted.
/// Defaults: lr = 1, history = 10, line_search = strong_wolfe, curvature = skip.
public final class LBFGS<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "lbfgs" }
    public let dimension: Int
    public private(set) var counters = OptimizerCounters()
    private var memory: LBFGSMemory<S>
    private var stepper: LineSearchStepper<S>

    /// Builds the optimizer; arguments must lie in the ranges of `declaration` (precondition).
    public init(dimension: Int, lr: Double = 1, history: Int = 10,
                lineSearch: any LineSearch<S> = StrongWolfeLineSearch<S>(), curvature: CurvaturePolicy = .skip) {
        precondition(dimension >= 1 && lr > 0 && history >= 1, "LBFGS: invalid hyperparameters")
        self.dimension = dimension
        self.memory = LBFGSMemory(capacity: history, policy: curvature)
        self.stepper = LineSearchStepper(lineSearch: lineSearch, lr: S(lr))
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "L-BFGS two-loop recursion (N&W Alg. 7.4)", params: params, family: .quasiNewton, costWeight: 2.5)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [QuasiNewtonSpecs.lr(), QuasiNewtonSpecs.history, QuasiNewtonSpecs.lineSearch(default: .strongWolfe),
         QuasiNewtonSpecs.curvature(default: .skip)]
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        self.init(dimension: dimension, lr: p.double("lr"), history: p.int("history"),
                  lineSearch: LineSearchKind(rawValue: p.string("line_search"))!.make(S.self),
                  curvature: CurvaturePolicy(rawValue: p.string("curvature"))!)
    }

    /// Stored curvature pairs, oldest first.
    public var curvaturePairs: [(s: [S], y: [S])] { Array(zip(memory.s, memory.y)).map { (s: $0.0, y: $0.1) } }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "LBFGS: point has \(x.count) entries, expected \(dimension)")
        let report = stepper.step(&x, oracle: oracle, model: &memory)
        counters.record(report)
        return report
    }
}
