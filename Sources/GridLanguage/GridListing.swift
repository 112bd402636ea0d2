import Support
/// Formats the cells of a grid as the aligned table `bench list` prints.
enum GridListing {
    static func text(for grid: Grid) -> String {
        let header = ["run_id", "dataset", "model", "optimizer", "regularizer", "seed"]
        let rows = grid.cells.map { c in
            [c.runId, c.datasetName, c.model.shortName, c.optimizer.shortName, c.regularizerName, String(c.seed)]
        }
        var widths = header.map(\.count)
        for row in rows { for (i, field) in row.enumerated() { widths[i] = max(widths[i], field.count) } }
        func line(_ fields: [String]) -> String {
            var out = ""
            for (i, field) in fields.enumerated() {
                out += field
                if i < fields.count - 1 { out += String(repeating: " ", count: widths[i] + 2 - field.count) }
            }
            return out
        }
        var lines = ["grid \(grid.name): \(grid.sourcePath)", line(header)]
        lines += rows.map(line)
        let noun = grid.cells.count == 1 ? "cell" : "cells"
        lines.append("\(grid.cells.count) \(noun)" + (grid.excludedCount > 0 ? " (\(grid.excludedCount) excluded)" : ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
