/// The result of checking current results against a baseline
/// (`BaselineChecker.check`): the table, the runs missing on either side,
/// notes, and whether anything regressed.
///
/// A command line prints `text` and exits with `exitCode`: 0 when nothing
/// regressed, 1 on a regression (input errors are `BaselineError`, exit 2).
public struct CheckReport: Sendable, Equatable {
    /// The mode the check ran in.
    public var mode: CheckMode
    /// One line saying what the mode compared and by which rule.
    public var method: String
    /// The baseline's grid.
    public var grid: String
    /// One row per comparison, grouped by run (cell in statistical mode).
    public var rows: [CheckRow]
    /// Run ids in the baseline without a current run, sorted.
    public var missingInCurrent: [String]
    /// Run ids of current runs not in the baseline, sorted.
    public var missingInBaseline: [String]
    /// Whether missing current runs count as a regression in this mode.
    public var missingIsRegression: Bool
    /// Readable descriptions (cell and seed) of the runs, by run id.
    public var runDescriptions: [String: String]
    /// Facts worth knowing that are not regressions (engine versions differ, ...).
    public var notes: [String]
    /// Number of baseline runs and of current runs.
    public var baselineRunCount: Int, currentRunCount: Int

    /// A report from its parts; `BaselineChecker.check` makes these.
    public init(mode: CheckMode, method: String, grid: String, rows: [CheckRow], missingInCurrent: [String],
                missingInBaseline: [String], missingIsRegression: Bool, runDescriptions: [String: String],
                notes: [String], baselineRunCount: Int, currentRunCount: Int) {
        self.mode = mode; self.method = method; self.grid = grid; self.rows = rows
        self.missingInCurrent = missingInCurrent; self.missingInBaseline = missingInBaseline
        self.missingIsRegression = missingIsRegression; self.runDescriptions = runDescriptions
        self.notes = notes; self.baselineRunCount = baselineRunCount; self.currentRunCount = currentRunCount
    }

    /// The rows whose verdict is a regression.
    public var regressions: [CheckRow] { rows.filter { $0.verdict == .regression } }

    /// True when a row regressed, or runs are missing now in a mode where that counts.
    public var regressed: Bool {
        !regressions.isEmpty || (missingIsRegression && !missingInCurrent.isEmpty)
    }

    /// 0 when nothing regressed, 1 otherwise.
    public var exitCode: Int32 { regressed ? 1 : 0 }

    /// The report as text: a heading, the aligned table (run, metric, baseline,
    /// now, difference, verdict), the regressed and missing runs, notes, and a
    /// closing `Result:` line.
    public var text: String {
        var lines = ["Check of grid \(grid) against its baseline, mode \(mode.rawValue): \(method)",
                     "Runs: \(baselineRunCount) in the baseline, \(currentRunCount) now", ""]
        lines += table()
        let regressedRuns = orderedUnique(regressions.map(\.run))
        if !regressedRuns.isEmpty && mode != .statistical {
            lines += ["", "Regressed runs:"] + regressedRuns.map(described)
        }
        if !missingInCurrent.isEmpty {
            let rule = missingIsRegression ? "a regression in this mode" : "fewer seeds in their cells"
            lines += ["", "Missing now (in the baseline only; \(rule)): \(missingInCurrent.count)"]
            lines += missingInCurrent.map(described)
        }
        if !missingInBaseline.isEmpty {
            lines += ["", "New runs (not in the baseline; not compared): \(missingInBaseline.count)"]
            lines += missingInBaseline.map(described)
        }
        if !notes.isEmpty { lines += ["", "Notes:"] + notes.map { "  " + $0 } }
        lines += ["", summary]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The closing line: `Result: OK ...` or `Result: REGRESSION ...`.
    public var summary: String {
        var parts = ["\(regressions.count) of \(counted(rows.count, "comparison")) regressed"]
        if !missingInCurrent.isEmpty { parts.append("\(counted(missingInCurrent.count, "run")) missing now") }
        if !missingInBaseline.isEmpty { parts.append(counted(missingInBaseline.count, "new run")) }
        let insufficient = rows.filter { $0.verdict == .insufficientSeeds }.count
        if insufficient > 0 { parts.append("\(counted(insufficient, "comparison")) with insufficient seeds") }
        return "Result: \(regressed ? "REGRESSION" : "OK") (\(parts.joined(separator: ", ")))"
    }

    private func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func described(_ id: String) -> String {
        "  \(id)" + (runDescriptions[id].map { "  \($0)" } ?? "")
    }

    private func table() -> [String] {
        let header = ["run", "metric", "baseline", "now", "difference", "verdict"]
        let cells = [header] + rows.map { [$0.run, $0.metric, $0.baseline, $0.now, $0.difference, $0.verdict.rawValue] }
        let widths = header.indices.map { column in cells.map { $0[column].count }.max()! }
        return cells.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column].padding(to: widths[column])
            }.joined(separator: "  ")
        }
    }

    private func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
