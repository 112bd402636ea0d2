import Engine
import Support

/// An optimizer the registry can build from grid-file hyperparameters.
///
/// Adding a method is one type conforming to this protocol plus one line in
/// `OptimizerRegistry.catalog`.
public protocol RegisteredOptimizer<S>: Optimizer {
    /// The one declaration: hyperparameters with their documented defaults and
    /// bounds, cross-parameter rules, family and relative cost.
    static var declaration: ComponentDeclaration { get }
    /// Checks that need the model size or the run's step budget (`dimension` is
    /// nil when not yet known; `scalarBytes` is the size of one element of the
    /// run's dtype). Rules on the parameters alone belong in the declaration.
    static func validateCombination(_ parameters: OptimizerParameters, dimension: Int?, scalarBytes: Int) throws(OptimizerError)
    /// Builds the optimizer from resolved parameters for `dimension` parameters.
    init(parameters: OptimizerParameters, dimension: Int) throws(OptimizerError)
}

extension RegisteredOptimizer {
    /// The checks every optimizer that declares the learning-rate schedule
    /// needs (a cosine schedule needs a horizon beyond its warm-up); methods
    /// with model-size checks of their own override this.
    public static func validateCombination(_ parameters: OptimizerParameters, dimension: Int?, scalarBytes: Int) throws(OptimizerError) {
        if declaration.param("schedule") != nil { try LearningRateSchedule.validate(parameters) }
    }
}
