/// Facts a component declares about itself, so that grid checks, cost
/// estimates and reports never keep lists of component ids.
public enum ComponentTrait: String, Sendable, Hashable, CaseIterable {
    /// A model that is an analytic test function: it takes no data set.
    case testFunction = "test_function"
    /// A model with normalization slots (batch and layer normalization apply).
    case normalizable
    /// A regularizer that acts on a flat parameter vector or its gradient
    /// alone, so it also applies to test functions.
    case appliesToTestFunctions = "applies_to_test_functions"
    /// A data set whose content is generated from the run's seed (others are
    /// fixed files and can be shared across seeds).
    case seededData = "seeded_data"
}
