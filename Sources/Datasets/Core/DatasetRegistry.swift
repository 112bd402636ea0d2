import Foundation
import Support

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

    /// Every data set's declaration, in registry order.
    public static let declarations: [ComponentDeclaration] = builders.map { $0.declaration }

    /// Registry ids in a fixed order.
    public static let ids: [String] = builders.map { $0.id }

    static func builder(_ id: String) throws(DatasetError) -> any DatasetBuilder.Type {
        guard let b = builders.first(where: { $0.id == id }) else {
            throw DatasetError.unknownDataset(id: id, suggestion: NearestName.suggest(id, among: ids))
        }
        return b
    }

    /// Validates `params` without reading any data and returns them with defaults
    /// filled in (what `Dataset.params` will hold). Throws `DatasetError` for an
    /// unknown id, an unknown parameter name, a wrong type or an out-of-range value.
    public static func resolve(id: String, params: [String: ParamValue]) throws(DatasetError) -> [String: ParamValue] {
        try ResolvedParams(try builder(id).declaration, given: params).values
    }

    /// Loads data set `id`. Generated data sets draw from `RandomStream(seed:purpose:index:)`;
    /// shipped ones are read below `dataRoot` (the project's `experiments/data`),
    /// which is also the base of relative file paths in parameters.
    public static func load(id: String, params: [String: ParamValue], seed: UInt64, dataRoot: URL) throws -> Dataset {
        let b = try builder(id)
        return try b.build(try ResolvedParams(b.declaration, given: params), seed: seed, dataRoot: dataRoot)
    }

    /// Loads the data set a spec names.
    public static func load(_ spec: DatasetSpec, seed: UInt64, dataRoot: URL) throws -> Dataset {
        try load(id: spec.id, params: spec.params, seed: seed, dataRoot: dataRoot)
    }
}
