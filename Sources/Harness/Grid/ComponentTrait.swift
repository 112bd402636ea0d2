import Support
/// Facts about a catalog entry that the grid checks use when combining axes.
public enum ComponentTrait: Sendable, Hashable {
    /// A model that is an analytic test function: it takes no dataset.
    case testFunction
    /// A regularizer that acts on a flat parameter vector or its gradient
    /// alone, so it also applies to test functions.
    case appliesToTestFunctions
    /// A first-order optimizer: it takes the learning-rate schedule parameters.
    case firstOrder
}
