/// What a model trained on the data set predicts, and so how labels are laid out.
public enum TaskKind: Sendable, Equatable {
    /// One class label per example, in `0..<classes`.
    case classification(classes: Int)
    /// `outputs` real targets per example, in `Split.targets`.
    case regression(outputs: Int)
    /// Next-token prediction: one label per input position (`-1` = ignore).
    case languageModel(vocabulary: Int)
    /// One class label per step (`-1` = ignore), in `0..<classes`.
    case sequenceLabeling(classes: Int)
}
