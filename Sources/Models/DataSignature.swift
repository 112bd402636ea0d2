/// What a data set looks like to a model: the input kind, its sizes and the target.
/// The trainer derives it from the data set; `ModelRegistry.make` sizes the model's
/// input and output layers from it and rejects combinations a model cannot read.
public enum DataSignature: Sendable, Equatable {
    /// Feature vectors `[B, features]` with a class label each.
    case dense(features: Int, classes: Int)
    /// Feature sequences `[B, steps, features]` with a class label each.
    case sequence(steps: Int, features: Int, classes: Int)
    /// Token-id sequences (ids in 0..<vocabulary, 0 = padding) with a class label each.
    case tokens(vocabulary: Int, maxLength: Int, classes: Int)
    /// Token-id sequences with a class target at every step (`-1` = ignored):
    /// the next token for language modelling, or a per-step label such as the
    /// copy task's recalled symbol (classes no more than the vocabulary).
    case languageModel(vocabulary: Int, maxLength: Int)
    /// Feature vectors with real-valued targets `[B, outputs]`.
    case regression(features: Int, outputs: Int)
    /// Feature sequences with real-valued targets `[B, outputs]`.
    case sequenceRegression(steps: Int, features: Int, outputs: Int)
    /// No data (analytic test functions).
    case none
}
