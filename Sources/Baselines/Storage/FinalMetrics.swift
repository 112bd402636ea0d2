import Recording

/// Final metrics of a run: the last recorded value of a metric curve
/// (`train_loss`, `val_loss`, ...) or, for metrics measured once at the end
/// (`test_loss`, `test_accuracy`), the root attribute of that name.
public enum FinalMetrics {
    /// The curves whose last value `baseline.json` lists under `final`.
    public static let curveNames = [RunFileNames.Curve.trainLoss, RunFileNames.Curve.valLoss, RunFileNames.Curve.valAccuracy, RunFileNames.Curve.fMinusFStar]

    /// The final value of `metric` in `record`: the last element of the curve
    /// of that name, else a numeric attribute of that name; nil if neither exists
    /// or the curve is empty.
    public static func value(_ metric: String, in record: RunRecord) -> Double? {
        if let curve = record.curves[metric] { return curve.last }
        return record.double(metric)
    }

    /// The last value of each curve of `curveNames` that the record has.
    public static func ofCurves(_ record: RunRecord) -> [String: Double] {
        var result: [String: Double] = [:]
        for name in curveNames {
            if let last = record.curves[name]?.last { result[name] = last }
        }
        return result
    }
}
