import Recording
import Support
/// The quasi-Newton diagnostics table: what the update safeguards and line
/// searches did over a run, at its end.
extension ReportTables {
    /// Cumulative counters reported as final values.
    static let quasiNewtonCounters = ["skipped_updates", "damped_updates", "tr_rejections"]
    /// The cumulative line-search counter, reported per step.
    static let lineSearchCounter = "line_search_evals"

    /// Whether `run` belongs in the table: a quasi-Newton optimizer id, or any
    /// of the counters nonzero somewhere.
    static func hasQuasiNewtonDiagnostics(_ run: RunView) -> Bool {
        if run.optimizerFamily == .quasiNewton || run.optimizerFamily == .secondOrder { return true }
        return (quasiNewtonCounters + [lineSearchCounter]).contains { name in
            run.curve(name)?.contains { $0.isFinite && $0 != 0 } ?? false
        }
    }

    /// Steps a run took: the `steps_done` attribute, else its last recorded step.
    static func stepsDone(_ run: RunView) -> Double? {
        if let s = run.record.int(RunFileNames.Attribute.stepsDone) { return Double(s) }
        return run.record.steps.last.map(Double.init)
    }

    /// Per cell (problem x optimizer x regularizer) of the runs kept by
    /// `hasQuasiNewtonDiagnostics`: the mean over runs of the final
    /// `skipped_updates`, `damped_updates` and `tr_rejections`, and of
    /// `line_search_evals / steps_done`. Each mean is over the runs that record
    /// a finite final value (and, per step, took at least one step); empty when
    /// none does.
    static func quasiNewton(_ runs: [RunView]) -> ReportTable {
        var table = ReportTable(
            name: "quasi_newton", title: "Quasi-Newton diagnostics",
            note: "Runs of quasi-Newton optimizers (bfgs, dfp, sr1, lsr1, lbfgs, newton_cg) and of any optimizer that "
                + "recorded a nonzero counter. Final values of the cumulative counters skipped_updates (curvature pairs "
                + "rejected), damped_updates (pairs replaced by Powell damping) and tr_rejections (rejected "
                + "trust-region steps), and line-search evaluations per step = final line_search_evals / steps_done; "
                + "each is the mean over the runs that recorded the counter (empty when none did). runs = runs of "
                + "the cell in the table.",
            columns: ["problem", "optimizer", "regularizer", "runs"] + quasiNewtonCounters
                + ["line_search_evals_per_step"],
            rows: [])
        for cell in cells(runs) {
            let members = cell.runs.map { runs[$0] }.filter(hasQuasiNewtonDiagnostics)
            guard !members.isEmpty else { continue }
            var row: [TableCell] = [.text(cell.problem.label), .text(cell.config.optimizer),
                                    .text(cell.config.regularizer), .integer(members.count)]
            for name in quasiNewtonCounters {
                row.append(.number(SampleStatistics.mean(members.compactMap { $0.final(name) }.filter(\.isFinite))))
            }
            let perStep = members.compactMap { run -> Double? in
                guard let evals = run.final(lineSearchCounter), evals.isFinite,
                      let steps = stepsDone(run), steps > 0 else { return nil }
                return evals / steps
            }
            row.append(.number(SampleStatistics.mean(perStep)))
            table.rows.append(row)
        }
        return table
    }
}
