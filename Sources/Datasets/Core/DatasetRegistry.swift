import Foundation

/// Every data set by registry id: parameter defaults, validation, loading.
///
/// Loading caches nothing: each call reads and builds its data afresh, so
/// concurrent runs share no mutable state.
public enum DatasetRegistry {
    static let builders: [any DatasetBuilder.Type] = [
        Digits.self, DigitsSequence.self, AustenBooks.self, AustenCharLM.self,
        Blobs.self, Spirals.self, AddingProblem.self, CopyTask.self, Parity.self, Dyck.self, NegationSentiment.self,
        IDXClassification.self, CSVClassification.self, TextCorpus.self,
    ]

    /// Registry ids in a fixed order.
    public static let ids: [String] = builders.map { $0.id }

    static func builder(_ id: String) throws -> any DatasetBuilder.Type {
        guard let b = builders.first(where: { $0.id == id }) else {
            throw DatasetError.unknownDataset(id: id, suggestion: NearestName.find(id, in: ids))
        }
        return b
    }

    /// The documented default of every parameter that has one (required paths have none).
    public static func defaults(id: String) throws -> [String: DatasetParam] {
        var out: [String: DatasetParam] = [:]
        for spec in try builder(id).parameters { out[spec.name] = spec.defaultValue }
        return out
    }

    /// Names of all parameters the data set accepts, sorted.
    public static func parameterNames(id: String) throws -> [String] {
        try builder(id).parameters.map(\.name).sorted()
    }

    /// Validates `params` without reading any data and returns them with defaults
    /// filled in (what `Dataset.params` will hold). Throws `DatasetError` for an
    /// unknown id, an unknown parameter name, a wrong type or an out-of-range value.
    public static func resolve(id: String, params: [String: DatasetParam]) throws -> [String: DatasetParam] {
        try ResolvedParams(dataset: id, specs: try builder(id).parameters, given: params).values
    }

    /// Loads data set `id`. Generated data sets draw from `RandomStream(seed:purpose:index:)`;
    /// shipped ones are read below `dataRoot` (the project's `experiments/data`),
    /// which is also the base of relative file paths in parameters.
    public static func load(id: String, params: [String: DatasetParam], seed: UInt64, dataRoot: URL) throws -> Dataset {
        let b = try builder(id)
        let resolved = try ResolvedParams(dataset: id, specs: b.parameters, given: params)
        return try b.build(resolved, seed: seed, dataRoot: dataRoot)
    }

    /// Loads the data set a spec names.
    public static func load(_ spec: DatasetSpec, seed: UInt64, dataRoot: URL) throws -> Dataset {
        try load(id: spec.id, params: spec.params, seed: seed, dataRoot: dataRoot)
    }
}
