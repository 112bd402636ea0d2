import Engine

/// Evaluations of the objective at a flat point on the current batch; counts every call.
///
/// The closures see whatever batch the caller has selected: an optimizer only ever
/// evaluates through the oracle, so every value, gradient and Hessian-vector product
/// of one step comes from the batch that was current during that step. The counters
/// are cumulative over the oracle's life (one oracle per run).
///
/// `fullBatch` states that every call evaluates the same objective. Only then may an
/// optimizer reuse the value and gradient it computed at the end of one step as the
/// start of the next; with mini-batches (the default) each step re-evaluates at its
/// start point on the batch current at that step.
public final class Oracle<S: Scalar> {
    /// Length of the flat parameter vector.
    public let dimension: Int
    /// Whether all calls evaluate one fixed objective (no batch changes between steps).
    public let fullBatch: Bool
    private let valueClosure: ([S]) -> S
    private let valueAndGradientClosure: ([S]) -> (S, [S])
    private let hessianVectorClosure: (([S], [S]) -> [S])?

    /// Function evaluations so far (every `value` and `valueAndGradient` call).
    public private(set) var functionEvaluations = 0
    /// Gradient evaluations so far (every `valueAndGradient` call).
    public private(set) var gradientEvaluations = 0
    /// Hessian-vector products so far.
    public private(set) var hessianVectorEvaluations = 0

    /// Creates an oracle over `dimension` parameters.
    /// - Parameters:
    ///   - value: f(x) on the current batch.
    ///   - valueAndGradient: (f(x), ∇f(x)) on the current batch.
    ///   - hessianVectorProduct: (x, v) ↦ ∇²f(x) v on the current batch, or nil when the
    ///     model cannot provide exact products.
    ///   - fullBatch: true when every call evaluates the same objective (see the type's notes).
    public init(dimension: Int, value: @escaping ([S]) -> S,
                valueAndGradient: @escaping ([S]) -> (S, [S]),
                hessianVectorProduct: (([S], [S]) -> [S])?,
                fullBatch: Bool = false) {
        precondition(dimension >= 1, "Oracle dimension must be positive")
        self.dimension = dimension
        self.valueClosure = value
        self.valueAndGradientClosure = valueAndGradient
        self.hessianVectorClosure = hessianVectorProduct
        self.fullBatch = fullBatch
    }

    /// Whether `hessianVectorProduct` may be called.
    public var supportsHessianVectorProducts: Bool { hessianVectorClosure != nil }

    /// f(x); counts one function evaluation.
    public func value(_ x: [S]) -> S {
        precondition(x.count == dimension, "Oracle.value: point has \(x.count) entries, expected \(dimension)")
        functionEvaluations += 1
        return valueClosure(x)
    }

    /// (f(x), ∇f(x)); counts one function and one gradient evaluation.
    public func valueAndGradient(_ x: [S]) -> (value: S, gradient: [S]) {
        precondition(x.count == dimension, "Oracle.valueAndGradient: point has \(x.count) entries, expected \(dimension)")
        functionEvaluations += 1
        gradientEvaluations += 1
        let (f, g) = valueAndGradientClosure(x)
        precondition(g.count == dimension, "Oracle gradient has \(g.count) entries, expected \(dimension)")
        return (f, g)
    }

    /// ∇²f(x) v; counts one Hessian-vector evaluation.
    public func hessianVectorProduct(_ x: [S], _ v: [S]) -> [S] {
        guard let hv = hessianVectorClosure else {
            preconditionFailure("Oracle.hessianVectorProduct called on an oracle without Hessian-vector products")
        }
        precondition(x.count == dimension && v.count == dimension, "Oracle.hessianVectorProduct: wrong lengths")
        hessianVectorEvaluations += 1
        let r = hv(x, v)
        precondition(r.count == dimension, "Oracle Hessian-vector product has \(r.count) entries, expected \(dimension)")
        return r
    }

    /// Sum of function, gradient and Hessian-vector evaluations (the `evals` curve).
    public var totalEvaluations: Int { functionEvaluations + gradientEvaluations + hessianVectorEvaluations }
}
