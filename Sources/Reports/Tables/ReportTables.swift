/// Builds the report's tables from the runs, grouped by cell (problem x optimizer x regularizer).
enum ReportTables {
    /// Runs grouped by (problem, configuration), sorted, keeping the input order inside each group.
    static func cells(_ runs: [RunView]) -> [(problem: ProblemKey, config: ConfigKey, runs: [Int])] {
        var groups: [ProblemKey: [ConfigKey: [Int]]] = [:]
        for (i, run) in runs.enumerated() { groups[run.problem, default: [:]][run.config, default: []].append(i) }
        return groups.keys.sorted().flatMap { p in groups[p]!.keys.sorted().map { c in (p, c, groups[p]![c]!) } }
    }

    /// Final metrics: mean, standard deviation and bootstrap interval over seeds.
    static func finalMetrics(_ runs: [RunView], bootstrap: BootstrapInterval) -> ReportTable {
        let confidence = Int(((1 - bootstrap.alpha) * 100).rounded())
        let (lo, hi) = bootstrap.ranks
        var table = ReportTable(
            name: "final_metrics", title: "Final metrics over seeds",
            note: "Final = value at the last evaluation point, except for runs whose early stopping restored an earlier "
                + "point (attribute restored_step): their final value is the one at that point, whose parameters the run "
                + "kept. test_loss and test_accuracy are measured once, on the test split, at the kept parameters. "
                + "n = runs with a finite final value (diverged runs "
                + "usually have none); runs = all runs of the cell. std is the sample standard deviation (n - 1). "
                + "CI: \(confidence)% percentile bootstrap of the mean, \(bootstrap.resamples) resamples drawn from "
                + "RandomStream(seed: \(bootstrap.seed), purpose: reports/bootstrap), bounds = the \(lo)th and "
                + "\(hi)th smallest resample means.",
            columns: ["problem", "optimizer", "regularizer", "metric", "runs", "n", "mean", "std",
                      "ci\(confidence)_low", "ci\(confidence)_high"],
            rows: [])
        for cell in cells(runs) {
            for metric in Metric.allCases {
                let members = cell.runs.map { runs[$0] }
                guard members.contains(where: { $0.curve(metric.rawValue) != nil }) else { continue }
                let finals = members.compactMap { $0.final(metric.rawValue) }.filter(\.isFinite)
                let ci = bootstrap.interval(finals)
                table.rows.append([.text(cell.problem.label), .text(cell.config.optimizer), .text(cell.config.regularizer),
                                   .text(metric.rawValue), .integer(members.count), .integer(finals.count),
                                   .number(SampleStatistics.mean(finals)),
                                   .number(SampleStatistics.standardDeviation(finals)),
                                   .number(ci?.lower), .number(ci?.upper)])
            }
            for metric in TestMetric.allCases {
                let members = cell.runs.map { runs[$0] }
                let finals = members.compactMap { $0.testMetric(metric.rawValue) }.filter(\.isFinite)
                guard !finals.isEmpty else { continue }
                let ci = bootstrap.interval(finals)
                table.rows.append([.text(cell.problem.label), .text(cell.config.optimizer), .text(cell.config.regularizer),
                                   .text(metric.rawValue), .integer(members.count), .integer(finals.count),
                                   .number(SampleStatistics.mean(finals)),
                                   .number(SampleStatistics.standardDeviation(finals)),
                                   .number(ci?.lower), .number(ci?.upper)])
            }
        }
        return table
    }

    /// Steps and evaluations to reach the target of `TargetRule`.
    static func toTarget(_ runs: [RunView], outcomes: [TargetRule.Outcome]) -> ReportTable {
        var table = ReportTable(
            name: "to_target", title: "Steps and evaluations to target",
            note: TargetRule.description + " Medians and means are over the runs that reached the target.",
            columns: ["problem", "optimizer", "regularizer", "target_on", "runs", "reached", "steps_median", "steps_mean",
                      "evals_median", "evals_mean", "seconds_median", "seconds_mean"],
            rows: [])
        for cell in cells(runs) {
            let all = cell.runs.map { outcomes[$0] }
            let reached = all.filter(\.reached)
            let steps = reached.compactMap(\.steps), evals = reached.compactMap(\.evaluations)
            let seconds = reached.compactMap(\.seconds)
            let target = all.contains(where: \.degenerate) ? "none (no run improved on the start)"
                : all.compactMap(\.curve).first ?? "n/a"
            table.rows.append([.text(cell.problem.label), .text(cell.config.optimizer), .text(cell.config.regularizer),
                               .text(target), .integer(cell.runs.count), .integer(reached.count),
                               .number(SampleStatistics.median(steps)), .number(SampleStatistics.mean(steps)),
                               .number(SampleStatistics.median(evals)), .number(SampleStatistics.mean(evals)),
                               .number(SampleStatistics.median(seconds)), .number(SampleStatistics.mean(seconds))])
        }
        return table
    }

    /// The recorded statuses known to the run-file format.
    static let statuses = ["completed", "diverged", "timeout", "failed"]

    /// Status counts per cell.
    static func statusCounts(_ runs: [RunView]) -> ReportTable {
        var table = ReportTable(
            name: "status", title: "Run status per cell",
            note: "Counts of the status attribute of each run; other = any other or missing status.",
            columns: ["problem", "optimizer", "regularizer", "runs"] + statuses + ["other"], rows: [])
        for cell in cells(runs) {
            let st = cell.runs.map { runs[$0].status }
            let counts = statuses.map { s in TableCell.integer(st.filter { $0 == s }.count) }
            let other = st.filter { !statuses.contains($0) }.count
            table.rows.append([.text(cell.problem.label), .text(cell.config.optimizer), .text(cell.config.regularizer),
                               .integer(st.count)] + counts + [.integer(other)])
        }
        return table
    }

    /// The tuning view: each optimizer's best parameters under `TuningSelection`.
    static func tuning(_ selection: TuningSelection) -> ReportTable {
        var table = ReportTable(
            name: "tuning", title: "Best hyperparameters per optimizer",
            note: TuningSelection.description,
            columns: ["problem", "regularizer", "optimizer_id", "variants", "metric", "best_optimizer_params",
                      "best_optimizer", "seeds", "score_mean", "score_std"],
            rows: [])
        for group in selection.groups {
            let best = group.best
            table.rows.append([.text(group.key.problem.label), .text(group.key.regularizer), .text(group.key.optimizerID),
                               .integer(group.variants.count), .text("final " + group.metric.rawValue),
                               .text(best.paramsJSON), .text(best.optimizerLabel), .integer(best.finals.count),
                               .number(best.score), .number(best.standardDeviation)])
        }
        return table
    }
}
