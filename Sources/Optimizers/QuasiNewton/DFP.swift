import Engine
import Support

/// DFP (Davidon-Fletcher-Powell) with a dense inverse-Hessian approximation:
/// p = -H g, a line search (strong Wolfe by default), and the inverse update
/// Nocedal and Wright eq. 6.15 (see `DenseInverseUpdate`), H0 rescaled by eq. 6.20.
///
/// Pairs with y's not safely positive follow `curvature` (default `skip`, leaving H
/// unchanged; `damped` applies Powell's damping); either event is reported. Memory is
/// n² scalars: a model whose matrix exceeds `max_memory_mb` is refused in favour of
/// `lbfgs`.
/// Defaults: lr = 1, line_search = strong_wolfe, curvature = skip, max_memory_mb = 512.
public final class DFP<S: Scalar>: RegisteredOptimizer {
    public static var id: String { "dfp" }
    public let dimension: Int
    public private(set) var counters = OptimizerCounters()
    private var model: DenseInverseUpdate<S>
    private var stepper: LineSearchStepper<S>

    /// A DFP optimizer; throws `modelTooLarge` when the n x n matrix exceeds `maxMemoryMB`.
    public init(dimension: Int, lr: Double = 1, lineSearch: any LineSearch<S> = StrongWolfeLineSearch<S>(),
                curvature: CurvaturePolicy = .skip, maxMemoryMB: Double = 512) throws(OptimizerError) {
        precondition(dimension >= 1 && lr > 0, "DFP: invalid hyperparameters")
        try DenseSymmetricMatrix<S>.checkMemory(optimizer: Self.id, dimension: dimension, scalarBytes: MemoryLayout<S>.size,
                                                limitMB: maxMemoryMB, alternative: "lbfgs")
        self.dimension = dimension
        self.model = DenseInverseUpdate(dimension: dimension, formula: .dfp, policy: curvature)
        self.stepper = LineSearchStepper(lineSearch: lineSearch, lr: S(lr))
    }

    /// The optimizer's one declaration: parameters, rules, family and relative cost.
    public static var declaration: ComponentDeclaration {
        ComponentDeclaration(id, "DFP inverse-Hessian update (N&W eq. 6.15)", params: params, family: .quasiNewton, costWeight: 2.5)
    }

    /// Hyperparameters with their documented defaults.
    static var params: [ParamSpec] {
        [QuasiNewtonSpecs.lr(), QuasiNewtonSpecs.lineSearch(default: .strongWolfe),
         QuasiNewtonSpecs.curvature(default: .skip), QuasiNewtonSpecs.maxMemory]
    }

    /// Cross-parameter and model-size checks run before anything is built.
    public static func validateCombination(_ p: OptimizerParameters, dimension: Int?, scalarBytes: Int) throws(OptimizerError) {
        if let dimension {
            try DenseSymmetricMatrix<S>.checkMemory(optimizer: id, dimension: dimension, scalarBytes: scalarBytes,
                                                    limitMB: p.double("max_memory_mb"), alternative: "lbfgs")
        }
    }

    /// Builds the optimizer from resolved registry parameters.
    public convenience init(parameters p: OptimizerParameters, dimension: Int) throws(OptimizerError) {
        try self.init(dimension: dimension, lr: p.double("lr"),
                      lineSearch: LineSearchKind(rawValue: p.string("line_search"))!.make(S.self),
                      curvature: CurvaturePolicy(rawValue: p.string("curvature"))!, maxMemoryMB: p.double("max_memory_mb"))
    }

    /// The current inverse-Hessian approximation H.
    public var inverseHessian: DenseSymmetricMatrix<S> { model.h }

    /// One iteration on the oracle's current batch; the update is described on the type.
    public func step(_ x: inout [S], oracle: Oracle<S>, iteration: Int) throws -> StepReport<S> {
        precondition(x.count == dimension, "DFP: point has \(x.count) entries, expected \(dimension)")
        let report = stepper.step(&x, oracle: oracle, model: &model)
        counters.record(report)
        return report
    }
}
