import Datasets
import Foundation

/// Refuses cells whose estimated memory exceeds the limit, before anything is
/// allocated or written: a size that cannot be allocated would otherwise trap.
public enum MemoryCheck {
    /// Checks every cell of `grid` from its parameters alone (file data sets
    /// count as their smallest possible size until loaded); the first cell over
    /// `limit` throws a `GridError` at the entry that dominates its estimate.
    public static func check(_ grid: Grid, limit: MemoryLimit) throws(GridError) {
        var seen = Set<String>()
        for cell in grid.cells {
            // Seeds do not change sizes: one estimate per configuration without it.
            let key = cell.datasetId + cell.dataset.map(\.paramsJSON).debugDescription + cell.model.paramsJSON
                + cell.optimizer.id + cell.optimizer.paramsJSON + cell.train.identityText
            guard seen.insert(key).inserted else { continue }
            let shape = cell.dataset.flatMap { DatasetRegistry.shape(id: $0.id, params: $0.params) }
            try check(cell, CellMemory.estimate(cell, shape: shape), limit: limit)
        }
    }

    /// Throws when `estimate` of `cell` is over `limit`.
    static func check(_ cell: Cell, _ estimate: CellMemory, limit: MemoryLimit) throws(GridError) {
        guard estimate.total > limit.bytes else { return }
        let (place, part) = estimate.culprit(cell.origin)
        throw place.error("cell \(cell.displayName) needs about \(MemoryLimit.format(estimate.total)) of memory, "
                          + "mostly \(part) (\(estimate.breakdown)); the limit is \(limit); "
                          + "use smaller sizes or raise --max-memory")
    }
}

extension MemoryCheck {
    /// Checks `cell` again with the sizes of its loaded data set, before its
    /// components are built (file data sets are sized only now).
    static func check(_ cell: Cell, loaded dataset: Dataset?, limit: MemoryLimit) throws(GridError) {
        let signature = dataset.flatMap { DataSignatures.signature(input: $0.input, task: $0.task) }
        let splits = dataset.map { [$0.train, $0.validation, $0.test] } ?? []
        let bytes = splits.reduce(0.0) { total, s in
            total + 4 * Double(s.inputs.count + s.labels.count + s.targets.count + (s.lengths?.count ?? 0))
        }
        let shape = dataset.map {
            DataShape(rows: $0.train.count + $0.validation.count + $0.test.count, input: $0.input, task: $0.task,
                      bytes: bytes)
        }
        try check(cell, CellMemory.estimate(cell, shape: shape, signature: signature, dataBytes: bytes), limit: limit)
    }
}
