import Engine
import Support
import Support

/// The optimizers a grid file can name, their hyperparameters and defaults.
///
/// Every entry point checks names and values before anything runs and throws an
/// `OptimizerError` naming the offending parameter and value and, for misspelt
/// names, the nearest valid one.
public enum OptimizerRegistry {
    /// All registered optimizer types, in registry order.
    static func catalog<S: Scalar>(_: S.Type) -> [any RegisteredOptimizer<S>.Type] {
        [
            SGD<S>.self,
            Adagrad<S>.self,
            RMSprop<S>.self,
            Adam<S>.self,
            AdamW<S>.self,
            BFGS<S>.self,
            DFP<S>.self,
            SR1<S>.self,
            LSR1<S>.self,
            LBFGS<S>.self,
            NewtonCG<S>.self,
            SeedRank1<S>.self,
            AdaHessian<S>.self,
            Sophia<S>.self,
            OnlineLBFGS<S>.self,
            SQN<S>.self,
            HessianFree<S>.self,
            Shampoo<S>.self,
        ]
    }

    /// Registry ids in registry order.
    public static var ids: [String] { catalog(Double.self).map { $0.id } }

    static func entry<S: Scalar>(_ id: String, _: S.Type) throws(OptimizerError) -> any RegisteredOptimizer<S>.Type {
        let all = catalog(S.self)
        guard let t = all.first(where: { $0.id == id }) else {
            throw .unknownOptimizer(name: id, suggestion: NearestName.suggest(id, among: all.map { $0.id }))
        }
        return t
    }

    /// Every optimizer's declaration, in registry order.
    public static var declarations: [ComponentDeclaration] { catalog(Double.self).map { $0.declaration } }

    /// The declaration of `id`.
    public static func declaration(id: String) throws(OptimizerError) -> ComponentDeclaration {
        try entry(id, Double.self).declaration
    }

    /// Checks `params` for `id` without building anything: unknown names, wrong types,
    /// out-of-range values, inconsistent combinations and, when `dimension` is given,
    /// whether a dense method's matrix fits its memory limit.
    public static func validate(id: String, params: [String: ParamValue],
                                dimension: Int? = nil, scalarBytes: Int = 8) throws(OptimizerError) {
        _ = try resolve(id: id, params: params, totalSteps: nil, dimension: dimension, scalarBytes: scalarBytes)
    }

    /// Validates `params` against the declaration and fills in every default.
    /// `totalSteps` (the run's step budget) replaces a `total_steps` of 0 (its
    /// documented meaning: the run's budget), so a cosine schedule knows its horizon.
    public static func resolve(id: String, params: [String: ParamValue], totalSteps: Int? = nil,
                               dimension: Int? = nil, scalarBytes: Int = 8) throws(OptimizerError) -> OptimizerParameters {
        let type = try entry(id, Double.self)
        var values: [String: ParamValue]
        do {
            values = try type.declaration.resolve(params)
        } catch {
            throw .parameter(error)
        }
        if let totalSteps, values["total_steps"] == .int(0) { values["total_steps"] = .int(totalSteps) }
        let resolved = OptimizerParameters(optimizer: id, values: values)
        try type.validateCombination(resolved, dimension: dimension, scalarBytes: scalarBytes)
        return resolved
    }

    /// Builds optimizer `id` for `dimension` parameters in dtype `S`.
    public static func make<S: Scalar>(id: String, params: [String: ParamValue], dimension: Int,
                                       totalSteps: Int? = nil) throws(OptimizerError) -> any Optimizer<S> {
        precondition(dimension >= 1, "optimizer dimension must be positive")
        let resolved = try resolve(id: id, params: params, totalSteps: totalSteps, dimension: dimension,
                                   scalarBytes: MemoryLayout<S>.size)
        return try make(resolved, dimension: dimension)
    }

    /// Builds an optimizer from already resolved parameters.
    public static func make<S: Scalar>(_ parameters: OptimizerParameters, dimension: Int) throws(OptimizerError) -> any Optimizer<S> {
        let type = try entry(parameters.optimizer, S.self)
        try type.validateCombination(parameters, dimension: dimension, scalarBytes: MemoryLayout<S>.size)
        return try type.init(parameters: parameters, dimension: dimension)
    }
}
