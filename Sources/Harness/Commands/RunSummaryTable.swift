import Foundation
import Recording
import GridLanguage

/// The table printed at the end of `bench run`: status counts, time, and per
/// optimizer configuration (with its regularizer, model and data set) the final
/// validation (or training) loss over seeds: mean and 95% Student-t interval
/// (`SeedInterval`), not the best seed, which would reward luck.
public enum RunSummaryTable {
    /// Runs that differ only in their seed.
    private struct Group: Hashable, Comparable {
        var optimizer: String, regularizer: String, model: String, dataset: String
        static func < (a: Group, b: Group) -> Bool {
            (a.optimizer, a.regularizer, a.model, a.dataset) < (b.optimizer, b.regularizer, b.model, b.dataset)
        }
    }

    /// The summary of the run described by `summary` over every run file in `resultsDirectory`.
    public static func render(resultsDirectory: URL, summary: GridRunner.Summary) throws -> String {
        let ran = summary.ran, skipped = summary.skipped
        let records = try RunFileLoader.load(resultsDirectory: resultsDirectory).records
        var counts: [String: Int] = [:]
        var finals: [Group: [(seed: Int64, value: Double)]] = [:]
        for r in records {
            counts[r.string(RunFileNames.Attribute.status) ?? "?", default: 0] += 1
            guard let opt = r.string(RunFileNames.Attribute.optimizer) ?? r.string(RunFileNames.Attribute.optimizerID) else { continue }
            let group = Group(optimizer: opt, regularizer: r.string(RunFileNames.Attribute.regularizer) ?? "",
                              model: r.string(RunFileNames.Attribute.model) ?? "", dataset: r.string(RunFileNames.Attribute.dataset) ?? "")
            guard let metric = finalLoss(r), metric.isFinite else { continue }
            finals[group, default: []].append((r.int(RunFileNames.Attribute.seed) ?? 0, metric))
        }
        var lines = ["ran \(ran) cells, skipped \(skipped) already completed; \(records.count) run files in \(resultsDirectory.path)"]
        lines.append("status: " + counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", "))
        if ran > 0 {
            let runSeconds = records.compactMap { $0.double(RunFileNames.Attribute.wallTimeS) }.reduce(0, +)
            let evalSeconds = records.compactMap { $0.double(RunFileNames.Attribute.evalTimeS) }.reduce(0, +)
            let waited = summary.waitedForRecordingSeconds
            lines.append(String(format: "time: %.2f s elapsed; in runs %.2f s, of which evaluation %.2f s (%.1f%%); recording %.3f s overlapped with training, %.3f s waited (%.2f%% of elapsed)",
                                summary.elapsedSeconds, runSeconds, evalSeconds, runSeconds > 0 ? 100 * evalSeconds / runSeconds : 0,
                                summary.recordingSeconds, waited, 100 * waited / max(summary.elapsedSeconds, 1e-9)))
        }
        var table = [["optimizer", "regularizer", "model", "dataset", "seeds", "mean final loss", "95% interval (Student t)"]]
        for group in finals.keys.sorted() {
            // Seed order, so the sum (and the printed mean) does not depend on file order.
            let values = finals[group]!.sorted { $0.seed < $1.seed }.map(\.value)
            guard let interval = SeedInterval(values) else { continue }
            let range = interval.halfWidth.map {
                String(format: "[%.6g, %.6g]", interval.mean - $0, interval.mean + $0)
            } ?? "- (one seed)"
            table.append([group.optimizer, group.regularizer, group.model, group.dataset, "\(interval.count)",
                          String(format: "%.6g", interval.mean), range])
        }
        let widths = table[0].indices.map { c in table.map { $0[c].count }.max()! }
        for row in table {
            lines.append(row.indices.map { c in c == row.count - 1 ? row[c] : pad(row[c], widths[c] + 1) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// The validation loss, else the training loss, at the kept point (the last
    /// evaluation, or the one early stopping restored).
    private static func finalLoss(_ r: RunRecord) -> Double? {
        guard let k = RunFileHeader.keptIndex(steps: r.steps, attributes: r.attributes) else { return nil }
        for name in [RunFileNames.Curve.valLoss, RunFileNames.Curve.trainLoss] {
            if let curve = r.curves[name], k < curve.count { return curve[k] }
        }
        return nil
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
