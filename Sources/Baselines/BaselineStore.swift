import Foundation
import Recording

/// Makes baselines from run records.
public enum BaselineStore {
    /// The root attributes a baseline keeps: identity and configuration of the
    /// run, its outcome and counters, and the determinism digest. Everything
    /// else is left out, in particular what varies between identical reruns
    /// (`wall_time_s`, `peak_rss_bytes`, `threads`), so storing a rerun of the
    /// same grid gives the same `baseline.json`.
    public static let storedAttributes: Set<String> = [
        RunFileNames.Attribute.runID, RunFileNames.Attribute.grid, RunFileNames.Attribute.dataset, RunFileNames.Attribute.model, RunFileNames.Attribute.optimizer, RunFileNames.Attribute.regularizer,
        RunFileNames.Attribute.datasetID, RunFileNames.Attribute.modelID, RunFileNames.Attribute.optimizerID, RunFileNames.Attribute.regularizerID,
        RunFileNames.Attribute.seed, RunFileNames.Attribute.status, RunFileNames.Attribute.stopReason, RunFileNames.Attribute.error, RunFileNames.Attribute.config, RunFileNames.Attribute.optimizerParams,
        RunFileNames.Attribute.engineVersion, RunFileNames.Attribute.digest, RunFileNames.Attribute.dtype, RunFileNames.Attribute.paramCount,
        RunFileNames.Attribute.fEvals, RunFileNames.Attribute.gEvals, RunFileNames.Attribute.hvEvals, RunFileNames.Attribute.stepsDone, RunFileNames.Attribute.fStar, RunFileNames.Attribute.stochastic,
        RunFileNames.Attribute.earlyStoppingStep, RunFileNames.Attribute.restoredStep, RunFileNames.Attribute.testLoss, RunFileNames.Attribute.testAccuracy,
    ]

    /// The prefix of the tensor keys a baseline stores on request.
    public static let finalTensorPrefix = "final/"

    /// A baseline of `records` for the grid `grid`.
    ///
    /// Each record keeps its steps, curves and series, the attributes in
    /// `storedAttributes`, a digest per tensor (`TensorDigests`), and, only if
    /// `includeTensors`, its `final/` tensors;
    /// wall times are dropped. `machine` and `createdAt` go to `meta.json`
    /// only. Throws `.invalidRecord` for a record without a `run_id`, two
    /// records with the same `run_id`, or a curve or series whose length
    /// differs from its steps.
    public static func make(records: [RunRecord], grid: String, includeTensors: Bool,
                            machine: MachineDescription = .current(),
                            createdAt: Date = Date()) throws(BaselineError) -> Baseline {
        var runs: [RunRecord] = []
        var seen: Set<String> = []
        for record in records {
            let id = try RecordValidation.runId(of: record)
            guard seen.insert(id).inserted else { throw .invalidRecord(reason: "run_id \(id) appears twice") }
            try RecordValidation.checkLengths(record)
            runs.append(reduce(record, includeTensors: includeTensors))
        }
        let meta = BaselineMeta(createdAt: timestamp(createdAt), machine: machine)
        return Baseline(grid: grid, includesTensors: includeTensors, runs: runs, meta: meta)
    }

    /// The part of `record` a baseline keeps (see `make`).
    public static func reduce(_ record: RunRecord, includeTensors: Bool) -> RunRecord {
        RunRecord(attributes: record.attributes.filter { storedAttributes.contains($0.key) }
                    .merging(TensorDigests.attributes(record)) { kept, _ in kept },
                  steps: record.steps,
                  curves: record.curves.filter { $0.key != RunFileNames.Curve.wallTime },
                  wallTime: [],
                  tensors: includeTensors ? record.tensors.filter { $0.key.hasPrefix(finalTensorPrefix) } : [:],
                  series: record.series)
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
