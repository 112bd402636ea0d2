import Foundation
import Recording

/// Checks current run records against a stored baseline.
public enum BaselineChecker {
    /// Compares `current` with `baseline` in `mode` and returns the report.
    ///
    /// Runs are matched by `run_id`. In every mode a changed `status` is a
    /// regression. The rules for runs missing on either side are those of
    /// `CheckMode`: in `exact` and `tolerance` modes a baseline run missing
    /// now is a regression, in `statistical` mode only a baseline cell with no
    /// current run is; a run missing from the baseline is never a regression.
    /// `tolerances` apply in tolerance mode, `statistics` in statistical mode.
    ///
    /// `damaged` maps the run ids of current run files that cannot be trusted
    /// (unreadable, or content not matching their digest) to why: each is a
    /// regression in every mode, named in its own row rather than as missing.
    ///
    /// Throws `.invalidRecord` when a current record has no `run_id`, two share
    /// one, or a curve's length differs from its steps: input errors, not
    /// regressions.
    public static func check(current: [RunRecord], baseline: Baseline, mode: CheckMode,
                             tolerances: Tolerances = Tolerances(),
                             statistics: StatisticalOptions = StatisticalOptions(),
                             damaged: [String: String] = [:]) throws(BaselineError) -> CheckReport {
        var now: [String: RunRecord] = [:]
        for record in current {
            let id = try RecordValidation.runId(of: record)
            guard now.updateValue(record, forKey: id) == nil else {
                throw .invalidRecord(reason: "run_id \(id) appears twice in the current results")
            }
            try RecordValidation.checkLengths(record)
        }
        let stored = Dictionary(uniqueKeysWithValues: baseline.runs.map { ($0.string(RunFileNames.Attribute.runID) ?? "", $0) })
        let byBytes: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let matched = baseline.runIds.filter { now[$0] != nil }
        var rows: [CheckRow] = []
        for id in matched {
            let (b, c) = (stored[id]!, now[id]!)
            if let row = statusRow(id: id, baseline: b, current: c) { rows.append(row) }
            switch mode {
            case .exact:
                rows += ExactCheck.rows(id: id, baseline: b, current: c, tensorsStored: baseline.includesTensors)
            case .tolerance:
                rows += ToleranceCheck.rows(id: id, baseline: b, current: c, tolerances: tolerances,
                                            tensorsStored: baseline.includesTensors)
            case .statistical:
                break
            }
        }
        if mode == .statistical {
            rows += StatisticalCheck.rows(baseline: baseline.runs, current: now, options: statistics)
        }
        for id in damaged.keys.sorted(by: byBytes) where now[id] == nil {
            rows.append(CheckRow(run: id, metric: "run file", baseline: stored[id] == nil ? "absent" : "present",
                                 now: "damaged", difference: damaged[id]!, verdict: .regression))
        }
        var descriptions: [String: String] = [:]
        for (id, run) in stored { descriptions[id] = CellKey.describe(run) }
        for (id, run) in now where descriptions[id] == nil { descriptions[id] = CellKey.describe(run) }
        return CheckReport(
            mode: mode, method: method(mode, tolerances, statistics, tensorsStored: baseline.includesTensors),
            grid: baseline.grid, rows: rows,
            missingInCurrent: baseline.runIds.filter { now[$0] == nil && damaged[$0] == nil }.sorted(by: byBytes),
            missingInBaseline: now.keys.filter { stored[$0] == nil }.sorted(by: byBytes),
            missingIsRegression: mode != .statistical, runDescriptions: descriptions,
            notes: notes(baseline: baseline, current: now), baselineRunCount: baseline.runs.count,
            currentRunCount: now.count)
    }

    /// A row when the run's `status` attribute changed (a regression in every mode).
    private static func statusRow(id: String, baseline: RunRecord, current: RunRecord) -> CheckRow? {
        let b = baseline.string(RunFileNames.Attribute.status) ?? "absent", c = current.string(RunFileNames.Attribute.status) ?? "absent"
        guard b != c else { return nil }
        return CheckRow(run: id, metric: "status", baseline: b, now: c, difference: "status changed", verdict: .regression)
    }

    private static func method(_ mode: CheckMode, _ tolerances: Tolerances, _ statistics: StatisticalOptions,
                               tensorsStored: Bool) -> String {
        switch mode {
        case .exact:
            return "digests must be equal" + (tensorsStored ? "" : " (tensors not stored in the baseline)")
        case .tolerance:
            let standard = tolerances.standard
            var text = "|now - baseline| <= atol + rtol*|baseline| for every value, steps equal;"
                + " rtol \(standard.rtol), atol \(standard.atol)"
            for name in tolerances.overrides.keys.sorted() {
                let t = tolerances.tolerance(for: name)
                text += "; \(name): rtol \(t.rtol), atol \(t.atol)"
            }
            return text
        case .statistical:
            return "Welch's two-sided t-test across seeds on final \(statistics.metrics.joined(separator: ", "))"
                + ", regression when p < \(statistics.alpha); effect size Hedges' g"
        }
    }

    private static func notes(baseline: Baseline, current: [String: RunRecord]) -> [String] {
        var notes: [String] = []
        if let meta = baseline.meta {
            notes.append("baseline stored \(meta.createdAt) on \(meta.machine.summary)")
        }
        let nowVersions = Array(Set(current.values.compactMap { $0.string(RunFileNames.Attribute.engineVersion) })).sorted()
        if !nowVersions.isEmpty && nowVersions != baseline.engineVersions {
            notes.append("engine version differs: baseline \(list(baseline.engineVersions)), now \(list(nowVersions))")
        }
        let grids = Set(current.values.compactMap { $0.string(RunFileNames.Attribute.grid) }).subtracting([baseline.grid]).sorted()
        if !grids.isEmpty {
            notes.append("current runs of grid \(list(grids)) checked against a baseline of grid \(baseline.grid)")
        }
        return notes
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "unknown" : values.joined(separator: ", ")
    }
}
