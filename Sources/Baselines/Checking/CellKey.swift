import Recording
import Support

/// Groups the runs of one grid cell across seeds.
///
/// The key is the run's `config` attribute (canonical JSON of the cell) with
/// its top-level `seed` member removed, written again with sorted keys and no
/// whitespace; for a run without a parsable `config` it is its dataset,
/// model, optimizer, regularizer and dtype names.
enum CellKey {
    static func key(_ run: RunRecord) -> String {
        if let config = run.string(RunFileNames.Attribute.config), case .object(var members)? = try? JSONParser.parse(config) {
            members["seed"] = nil
            return "config:" + JSONNode.object(members).compactText
        }
        return "names:" + [RunFileNames.Attribute.dataset, RunFileNames.Attribute.model, RunFileNames.Attribute.optimizer, RunFileNames.Attribute.regularizer, RunFileNames.Attribute.dtype]
            .map { run.string($0) ?? "?" }.joined(separator: "|")
    }

    /// A readable name of the cell: `digits mlp(hidden=[64]) adam(lr=0.001) none`.
    static func label(_ run: RunRecord) -> String {
        [RunFileNames.Attribute.dataset, RunFileNames.Attribute.model, RunFileNames.Attribute.optimizer, RunFileNames.Attribute.regularizer].map { run.string($0) ?? "?" }.joined(separator: " ")
    }

    /// A readable name of a run: the cell's label and the seed.
    static func describe(_ run: RunRecord) -> String {
        label(run) + (run.int(RunFileNames.Attribute.seed).map { " seed=\($0)" } ?? "")
    }
}
