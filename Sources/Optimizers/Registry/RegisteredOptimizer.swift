import Engine

/// An optimizer the registry can build from grid-file hyperparameters.
///
/// Adding a method is one type conforming to this protocol plus one line in
/// `OptimizerRegistry.catalog`.
public protocol RegisteredOptimizer<S>: Optimizer {
    /// Declared hyperparameters with their documented defaults.
    static var parameterSpecs: [ParameterSpec] { get }
    /// Checks constraints that involve several parameters, or the model size for
    /// dense methods (`dimension` is nil when not yet known; `scalarBytes` is the size
    /// of one element of the run's dtype).
    static func validateCombination(_ parameters: OptimizerParameters, dimension: Int?, scalarBytes: Int) throws(OptimizerError)
    /// Builds the optimizer from resolved parameters for `dimension` parameters.
    init(parameters: OptimizerParameters, dimension: Int) throws(OptimizerError)
}

extension RegisteredOptimizer {
    /// Cross-parameter and model-size checks run before anything is built.
    public static func validateCombination(_ parameters: OptimizerParameters, dimension: Int?, scalarBytes: Int) throws(OptimizerError) {}
}
