import Support
/// One `exclude` entry: a cell is dropped when it matches every key given.
/// Each key lists alternatives (a YAML list means "any of these").
struct ExcludeRule {
    var datasets: [ComponentPattern]?
    var models: [ComponentPattern]?
    var optimizers: [ComponentPattern]?
    /// Each alternative is a set of regularizers (`dropout+grad_clip`) that the
    /// cell's regularizers must all contain; `none` is the empty set and
    /// matches only unregularized cells.
    var regularizers: [[ComponentPattern]]?
    var seeds: [Int]?

    /// Whether the rule drops `cell`.
    func matches(_ cell: Cell) -> Bool {
        if let datasets {
            guard let d = cell.dataset, datasets.contains(where: { $0.matches(d) }) else { return false }
        }
        if let models, !models.contains(where: { $0.matches(cell.model) }) { return false }
        if let optimizers, !optimizers.contains(where: { $0.matches(cell.optimizer) }) { return false }
        if let regularizers {
            let hit = regularizers.contains { wanted in
                wanted.isEmpty ? cell.regularizers.isEmpty
                    : wanted.allSatisfy { w in cell.regularizers.contains { w.matches($0) } }
            }
            if !hit { return false }
        }
        if let seeds, !seeds.contains(cell.seed) { return false }
        return true
    }
}
