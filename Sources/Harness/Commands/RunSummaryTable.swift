import Foundation
import Recording
import GridLanguage

/// The table printed at the end of `bench run`: status counts and, per optimizer,
/// the best final validation (or training) loss and the cell that reached it.
public enum RunSummaryTable {
    public static func render(resultsDirectory: URL, summary: GridRunner.Summary) throws -> String {
        let ran = summary.ran, skipped = summary.skipped
        let records = try RunFileLoader.load(resultsDirectory: resultsDirectory).records
        var counts: [String: Int] = [:]
        var best: [String: (Double, String)] = [:]
        for r in records {
            counts[r.string(RunFileNames.Attribute.status) ?? "?", default: 0] += 1
            guard let opt = r.string(RunFileNames.Attribute.optimizerID) else { continue }
            let metric = r.curves[RunFileNames.Curve.valLoss]?.last ?? r.curves[RunFileNames.Curve.trainLoss]?.last ?? .nan
            guard metric.isFinite else { continue }
            let label = "\(r.string(RunFileNames.Attribute.optimizer) ?? opt) \(r.string(RunFileNames.Attribute.regularizer) ?? "") \(r.string(RunFileNames.Attribute.model) ?? "") seed \(r.int(RunFileNames.Attribute.seed) ?? 0)"
            if best[opt] == nil || metric < best[opt]!.0 { best[opt] = (metric, label) }
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
        lines.append(pad("optimizer", 12) + pad("best final loss", 18) + "cell")
        for opt in best.keys.sorted() {
            let (m, label) = best[opt]!
            lines.append(pad(opt, 12) + pad(String(format: "%.6g", m), 18) + label)
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
