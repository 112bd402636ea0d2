import Support
/// The `train:` section of a grid: how long and how each cell trains.
public struct TrainConfig: Sendable, Hashable {
    /// How long training runs.
    public enum Length: Sendable, Hashable {
        case steps(Int)
        case epochs(Int)
    }

    /// The floating-point type of parameters and activations.
    public enum DType: String, Sendable, Hashable, CaseIterable {
        case float32, float64
    }

    public let length: Length
    /// Examples per step; nil means the full training set (full batch).
    public let batchSize: Int?
    /// Steps between evaluations; nil when training is given in epochs and the
    /// grid left it out: then `evalEvery(totalSteps:)` gives `max(1, total / 20)`.
    public let evalEvery: Int?
    public let dtype: DType
    /// Wall-clock limit per run in seconds, if any.
    public let timeLimit: Double?
    /// Stop after this many function + gradient + Hessian-vector evaluations, if set.
    public let maxEvaluations: Int?
    /// Threads inside one run, if set (results do not depend on it).
    public let threads: Int?
    public let diagnostics: DiagnosticsConfig?

    /// Training settings; `batchSize` nil is full batch, `evalEvery` nil is the default rule.
    public init(length: Length, batchSize: Int?, evalEvery: Int?, dtype: DType = .float32, timeLimit: Double? = nil,
                maxEvaluations: Int? = nil, threads: Int? = nil, diagnostics: DiagnosticsConfig? = nil) {
        self.length = length
        self.batchSize = batchSize
        self.evalEvery = evalEvery
        self.dtype = dtype
        self.timeLimit = timeLimit
        self.maxEvaluations = maxEvaluations
        self.threads = threads
        self.diagnostics = diagnostics
    }

    /// The step count, when training is given in steps.
    public var steps: Int? {
        if case let .steps(n) = length { return n }
        return nil
    }

    /// The epoch count, when training is given in epochs.
    public var epochs: Int? {
        if case let .epochs(n) = length { return n }
        return nil
    }

    /// The default evaluation interval for `steps` total steps: `max(1, steps / 20)`.
    public static func defaultEvalEvery(steps: Int) -> Int { max(1, steps / 20) }

    /// The evaluation interval once the total number of steps is known.
    public func evalEvery(totalSteps: Int) -> Int { evalEvery ?? TrainConfig.defaultEvalEvery(steps: totalSteps) }

    /// The fields that change a run's numbers. `threads` is left out because
    /// results are bit-identical for any thread count, and `time_limit`
    /// because it only decides whether a run is cut short, which its status
    /// records.
    /// The canonical JSON text of the settings that enter run ids.
    public var identityText: String { identityJSON.text }

    var identityJSON: JSONValue {
        var fields: [String: JSONValue] = [
            "batch_size": batchSize.map { .int($0) } ?? .string("full"),
            "dtype": .string(dtype.rawValue),
            "eval_every": evalEvery.map { .int($0) } ?? .string("auto"),
        ]
        switch length {
        case let .steps(n): fields["steps"] = .int(n)
        case let .epochs(n): fields["epochs"] = .int(n)
        }
        if let maxEvaluations { fields["max_evaluations"] = .int(maxEvaluations) }
        if let diagnostics { fields["diagnostics"] = diagnostics.json }
        return .object(fields)
    }

    /// Every field, for the grid's canonical text.
    var fullJSON: JSONValue {
        guard case var .object(fields) = identityJSON else { preconditionFailure() }
        if let timeLimit { fields["time_limit"] = .double(timeLimit) }
        if let threads { fields["threads"] = .int(threads) }
        return .object(fields)
    }
}
