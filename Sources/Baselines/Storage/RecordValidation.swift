import Recording

/// Checks that a run record can be stored or compared.
enum RecordValidation {
    /// The record's `run_id` attribute; `.invalidRecord` if it has none.
    static func runId(of record: RunRecord) throws(BaselineError) -> String {
        guard let id = record.string(RunFileNames.Attribute.runID), !id.isEmpty else {
            throw .invalidRecord(reason: "a run has no run_id attribute")
        }
        return id
    }

    /// Every curve has one value per step, in the curves and in each series,
    /// and no curve is named `step` (that name holds the steps in a baseline).
    static func checkLengths(_ record: RunRecord) throws(BaselineError) {
        let id = record.string(RunFileNames.Attribute.runID) ?? "?"
        for (name, values) in record.curves where name != RunFileNames.Curve.wallTime {
            guard name != RunFileNames.Curve.step else { throw .invalidRecord(reason: "run \(id) has a curve named step") }
            guard values.count == record.steps.count else {
                throw .invalidRecord(reason: "run \(id): curve \(name) has \(values.count) values for \(record.steps.count) steps")
            }
        }
        for (group, series) in record.series {
            for (name, values) in series.curves {
                guard name != RunFileNames.Curve.step else { throw .invalidRecord(reason: "run \(id) has a series curve named step") }
                guard values.count == series.steps.count else {
                    throw .invalidRecord(reason: "run \(id): series \(group)/\(name) has \(values.count) values for \(series.steps.count) steps")
                }
            }
        }
    }
}
