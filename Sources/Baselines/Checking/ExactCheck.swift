import Recording

/// The exact mode for one run: its digest must equal the baseline's.
///
/// When the digests differ, the row names the first stored dataset that
/// differs (`DataDifference`) and the first step where it does, or else the
/// first tensor whose stored digest differs (`TensorDigests`). When neither
/// names one, the difference lies in data the baseline does not hold: the
/// tensors, unless they were stored (older baselines keep no tensor digests). A run without a digest on
/// either side passes only if all its stored data are bit-identical.
enum ExactCheck {
    static func rows(id: String, baseline b: RunRecord, current c: RunRecord, tensorsStored: Bool) -> [CheckRow] {
        let bDigest = b.string(RunFileNames.Attribute.digest), cDigest = c.string(RunFileNames.Attribute.digest)
        if let bDigest, bDigest == cDigest {
            return [CheckRow(run: id, metric: "digest", baseline: short(bDigest), now: short(bDigest),
                             difference: "identical", verdict: .pass)]
        }
        if let d = DataDifference.first(baseline: b, current: c, tensorsStored: tensorsStored)
            ?? TensorDigests.firstDifference(baseline: b, current: c) {
            return [row(id: id, d)]
        }
        if let bDigest, let cDigest {
            let reason = tensorsStored
                ? "data the baseline does not store differ (initial tensors)"
                : "tensors differ (not stored in the baseline: store with --tensors)"
            let d = FirstDifference(kind: .notStored, path: "tensors", baseline: reason)
            return [CheckRow(run: id, metric: "digest", baseline: short(bDigest), now: short(cDigest),
                             difference: reason, verdict: .regression, firstDifference: d)]
        }
        return [CheckRow(run: id, metric: "digest", baseline: bDigest.map(short) ?? "absent",
                         now: cDigest.map(short) ?? "absent",
                         difference: "no digest to compare; all stored data identical", verdict: .pass)]
    }

    private static func row(id: String, _ d: FirstDifference) -> CheckRow {
        let baseline: String, now: String, difference: String
        switch d.kind {
        case .value:
            (baseline, now, difference) = (d.baseline, d.now, "first differs \(d.location)")
        case .length:
            (baseline, now, difference) = ("\(d.baseline) values", "\(d.now) values", "lengths differ after index \(d.index ?? 0)")
        case .missingNow:
            (baseline, now, difference) = ("present", "absent", "missing now")
        case .newNow:
            (baseline, now, difference) = ("absent", "present", "not in the baseline")
        case .layout:
            (baseline, now, difference) = (d.baseline, d.now, "layout differs")
        case .notStored:
            (baseline, now, difference) = (d.baseline, d.now, "layout differs")
        case .digestOnly:
            (baseline, now, difference) = (d.baseline, d.now, "digest differs (not stored: store with --tensors to see where)")
        }
        return CheckRow(run: id, metric: d.path, baseline: baseline, now: now, difference: difference,
                        verdict: .regression, firstDifference: d)
    }

    /// The first 12 hex digits, enough to tell digests apart in a table.
    private static func short(_ digest: String) -> String { String(digest.prefix(12)) }
}
