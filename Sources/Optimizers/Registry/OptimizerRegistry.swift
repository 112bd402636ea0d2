import Engine

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

    /// Declared hyperparameters of `id`.
    public static func parameterSpecs(id: String) throws(OptimizerError) -> [ParameterSpec] {
        try entry(id, Double.self).parameterSpecs
    }

    /// Documented defaults of `id` (torch.optim's where they apply).
    public static func defaults(id: String) throws(OptimizerError) -> [String: OptimizerParam] {
        var d: [String: OptimizerParam] = [:]
        for spec in try parameterSpecs(id: id) { d[spec.name] = spec.defaultValue }
        return d
    }

    /// Checks `params` for `id` without building anything: unknown names, wrong types,
    /// out-of-range values, inconsistent combinations and, when `dimension` is given,
    /// whether a dense method's matrix fits its memory limit.
    public static func validate(id: String, params: [String: OptimizerParam],
                                dimension: Int? = nil, scalarBytes: Int = 8) throws(OptimizerError) {
        _ = try resolve(id: id, params: params, totalSteps: nil, dimension: dimension, scalarBytes: scalarBytes)
    }

    /// Validates `params` and fills in every default. `totalSteps` (the run's step
    /// budget) becomes `total_steps` when the optimizer has that parameter and the user
    /// did not set it, so a cosine schedule knows its horizon.
    public static func resolve(id: String, params: [String: OptimizerParam], totalSteps: Int? = nil,
                               dimension: Int? = nil, scalarBytes: Int = 8) throws(OptimizerError) -> OptimizerParameters {
        let type = try entry(id, Double.self)
        let specs = type.parameterSpecs
        var values: [String: OptimizerParam] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        if let totalSteps, params["total_steps"] == nil, let spec = specs.first(where: { $0.name == "total_steps" }) {
            values["total_steps"] = try spec.check(.int(totalSteps), optimizer: id)
        }
        for key in params.keys.sorted() {
            guard let spec = specs.first(where: { $0.name == key }) else {
                throw .unknownParameter(optimizer: id, name: key, suggestion: NearestName.suggest(key, among: specs.map { $0.name }))
            }
            values[key] = try spec.check(params[key]!, optimizer: id)
        }
        let resolved = OptimizerParameters(optimizer: id, values: values)
        try type.validateCombination(resolved, dimension: dimension, scalarBytes: scalarBytes)
        return resolved
    }

    /// Builds optimizer `id` for `dimension` parameters in dtype `S`.
    public static func make<S: Scalar>(id: String, params: [String: OptimizerParam], dimension: Int,
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
