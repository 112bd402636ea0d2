import Support

/// One run of a grid: a dataset (none for test functions), a model, an
/// optimizer, the regularizers applied together, a seed and the training
/// settings, with the canonical configuration and the run id derived from it.
public struct Cell: Sendable, Hashable {
    /// The dataset; nil when the model is a test function.
    public let dataset: ComponentSpec?
    public let model: ComponentSpec
    public let optimizer: ComponentSpec
    /// Regularizers applied together, sorted by id; empty means `none`.
    public let regularizers: [ComponentSpec]
    public let seed: Int
    public let train: TrainConfig
    /// Canonical JSON of everything that changes the run's numbers (sorted
    /// keys, resolved defaults, no grid name or description).
    public let canonicalJSON: String
    /// The first 16 hex digits of SHA-256 of `canonicalJSON`.
    public let runId: String
    /// Where the cell's choices were written, for errors found after parsing
    /// (ignored by equality).
    public let origin: CellOrigin

    init(dataset: ComponentSpec?, model: ComponentSpec, optimizer: ComponentSpec, regularizers: [ComponentSpec],
         seed: Int, train: TrainConfig, origin: CellOrigin) {
        self.origin = origin
        self.dataset = dataset
        self.model = model
        self.optimizer = optimizer
        self.regularizers = regularizers
        self.seed = seed
        self.train = train
        canonicalJSON = Cell.config(dataset: dataset, model: model, optimizer: optimizer,
                                    regularizers: regularizers, seed: seed, train: train).text
        runId = String(SHA256.hex(canonicalJSON).prefix(16))
    }

    /// The canonical configuration as a JSON value.
    var config: JSONValue {
        Cell.config(dataset: dataset, model: model, optimizer: optimizer, regularizers: regularizers, seed: seed,
                    train: train)
    }

    private static func config(dataset: ComponentSpec?, model: ComponentSpec, optimizer: ComponentSpec,
                               regularizers: [ComponentSpec], seed: Int, train: TrainConfig) -> JSONValue {
        .object([
            "dataset": dataset?.json ?? .null,
            "model": model.json,
            "optimizer": optimizer.json,
            "regularizers": .array(regularizers.map(\.json)),
            "seed": .int(seed),
            "train": train.identityJSON,
        ])
    }

    /// Whether the model is an analytic test function (no dataset).
    public var isTestFunction: Bool { model.traits.contains(.testFunction) }

    /// The dataset's short name, or `none` for test functions.
    public var datasetName: String { dataset?.shortName ?? "none" }
    /// The dataset's id, or `none` for test functions.
    public var datasetId: String { dataset?.id ?? "none" }
    /// Short names of the regularizers joined by `+`, or `none`.
    public var regularizerName: String { joined(\.shortName) }
    /// Canonical names of the regularizers joined by `+`, or `none`.
    public var regularizerCanonicalName: String { joined(\.canonicalName) }
    /// Regularizer ids joined by `+` (`dropout+grad_clip`), or `none`.
    public var regularizerId: String { joined(\.id) }

    private func joined(_ part: KeyPath<ComponentSpec, String>) -> String {
        regularizers.isEmpty ? "none" : regularizers.map { $0[keyPath: part] }.joined(separator: "+")
    }
}
