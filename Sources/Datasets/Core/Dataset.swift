import Support
/// A loaded data set: its task, input shape, three splits, and vocabulary.
///
/// `params` holds every parameter after defaults were filled in, so a run can
/// record exactly what it trained on.
public struct Dataset: Sendable {
    /// Registry id, e.g. `digits`.
    public let name: String
    /// Resolved parameters (given values plus defaults).
    public let params: [String: ParamValue]
    /// What is predicted, and so how `Split.labels` and `Split.targets` are laid out.
    public let task: TaskKind
    /// The shape of one example's input.
    public let input: InputKind
    /// Examples to train on.
    public let train: Split
    /// Held-out examples for evaluation during training.
    public let validation: Split
    /// Held-out examples for the final evaluation; may be empty (`count == 0`) where a data set has no test part.
    public let test: Split
    /// Token strings by id for token inputs (id 0 = `<pad>`, id 1 = `<unk>`), else nil.
    public let vocabulary: [String]?
    /// Names of the classes by label for classification tasks (e.g. the novels), else nil.
    public let classNames: [String]?

    /// Assembles a data set; every non-empty split must match `input` (programmer error otherwise).
    public init(name: String, params: [String: ParamValue], task: TaskKind, input: InputKind,
                train: Split, validation: Split, test: Split, vocabulary: [String]? = nil,
                classNames: [String]? = nil) {
        for split in [train, validation, test] where split.count > 0 {
            precondition(split.inputsPerExample == input.valuesPerExample,
                         "\(name): \(split.inputsPerExample) input values per example, input kind says \(input.valuesPerExample)")
        }
        self.name = name
        self.params = params
        self.task = task
        self.input = input
        self.train = train
        self.validation = validation
        self.test = test
        self.vocabulary = vocabulary
        self.classNames = classNames
    }
}
