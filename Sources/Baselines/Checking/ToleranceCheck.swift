import Recording

/// The tolerance mode for one run: steps must be equal, and every curve,
/// series curve and stored tensor element within its `Tolerance`.
///
/// One row per compared name. A row shows the element that is furthest
/// outside its tolerance (or, when all pass, the largest difference, or the
/// final values when nothing differs). A name in the baseline but missing now
/// is a regression; a name only present now is listed as new.
enum ToleranceCheck {
    static func rows(id: String, baseline b: RunRecord, current c: RunRecord, tolerances: Tolerances,
                     tensorsStored: Bool) -> [CheckRow] {
        if let d = DataDifference.first(baseline: RunRecord(steps: b.steps), current: RunRecord(steps: c.steps),
                                        tensorsStored: false) {
            return [CheckRow(run: id, metric: "step", baseline: d.baseline, now: d.now,
                             difference: "steps differ: \(d.summary)", verdict: .regression, firstDifference: d)]
        }
        var rows: [CheckRow] = []
        for name in DataDifference.union(b.curves.keys, c.curves.keys) where name != RunFileNames.Curve.wallTime {
            rows.append(compare(id: id, name: name, b.curves[name], c.curves[name], steps: b.steps,
                                tolerance: tolerances.tolerance(for: name)))
        }
        for group in DataDifference.union(b.series.keys, c.series.keys) {
            let label = "series/\(group)"
            guard let bs = b.series[group] else { rows.append(newRow(id: id, name: label)); continue }
            guard let cs = c.series[group] else { rows.append(missingRow(id: id, name: label)); continue }
            guard bs.steps == cs.steps else {
                rows.append(CheckRow(run: id, metric: "\(label)/step", baseline: "\(bs.steps.count) steps",
                                     now: "\(cs.steps.count) steps", difference: "steps differ", verdict: .regression))
                continue
            }
            for name in DataDifference.union(bs.curves.keys, cs.curves.keys) {
                let full = "\(label)/\(name)"
                rows.append(compare(id: id, name: full, bs.curves[name], cs.curves[name], steps: bs.steps,
                                    tolerance: tolerances.tolerance(for: full)))
            }
        }
        if tensorsStored {
            let keys = DataDifference.union(b.tensors.keys,
                                            c.tensors.keys.filter { $0.hasPrefix(BaselineStore.finalTensorPrefix) })
            for key in keys {
                rows.append(compare(id: id, name: key, b.tensors[key], c.tensors[key],
                                    tolerance: tolerances.tolerance(for: key)))
            }
        }
        return rows
    }

    private static func compare(id: String, name: String, _ b: [Double]?, _ c: [Double]?, steps: [Int64],
                                tolerance: Tolerance) -> CheckRow {
        guard let b else { return newRow(id: id, name: name) }
        guard let c else { return missingRow(id: id, name: name) }
        return valuesRow(id: id, name: name, b, c, tolerance: tolerance) { i in
            i < steps.count ? "at step \(steps[i])" : "at index \(i)"
        }
    }

    private static func compare(id: String, name: String, _ b: StoredTensor?, _ c: StoredTensor?,
                                tolerance: Tolerance) -> CheckRow {
        guard let b else { return newRow(id: id, name: name) }
        guard let c else { return missingRow(id: id, name: name) }
        let (bv, cv) = (b.doubles, c.doubles)
        guard b.shape == c.shape, bv.count == cv.count else {
            return CheckRow(run: id, metric: name, baseline: "shape \(b.shape)", now: "shape \(c.shape)",
                            difference: "shapes differ", verdict: .regression)
        }
        return valuesRow(id: id, name: name, bv, cv, tolerance: tolerance) { i in
            "at element \(DataDifference.position(of: i, in: b.shape))"
        }
    }

    private static func valuesRow(id: String, name: String, _ b: [Double], _ c: [Double], tolerance: Tolerance,
                                  where place: (Int) -> String) -> CheckRow {
        guard b.count == c.count else {
            return CheckRow(run: id, metric: name, baseline: "\(b.count) values", now: "\(c.count) values",
                            difference: "lengths differ", verdict: .regression)
        }
        guard !b.isEmpty else {
            return CheckRow(run: id, metric: name, baseline: "-", now: "-", difference: "empty", verdict: .pass)
        }
        // The worst element: the largest ratio of difference to allowance among
        // failures, else the largest difference among passes.
        var worstFailure: (index: Int, ratio: Double)? = nil
        var largestDifference: (index: Int, size: Double)? = nil
        for i in b.indices {
            let size = abs(c[i] - b[i])
            if tolerance.accepts(now: c[i], baseline: b[i]) {
                if size > 0 && size > (largestDifference?.size ?? 0) { largestDifference = (i, size) }
            } else {
                let allowed = tolerance.allowed(around: b[i])
                let ratio = size.isFinite && allowed > 0 ? size / allowed : .infinity
                if worstFailure == nil || ratio > worstFailure!.ratio { worstFailure = (i, ratio) }
            }
        }
        let index = worstFailure?.index ?? largestDifference?.index ?? b.count - 1
        let difference: String
        if worstFailure == nil && largestDifference == nil {
            difference = "identical"
        } else if b[index].isFinite && c[index].isFinite {
            difference = "\(ValueText.signed(c[index] - b[index])) \(place(index))"
                + " (allowed \(ValueText.short(tolerance.allowed(around: b[index]))))"
        } else {
            difference = "\(ValueText.exact(b[index])) vs \(ValueText.exact(c[index])) \(place(index))"
        }
        return CheckRow(run: id, metric: name, baseline: ValueText.short(b[index]), now: ValueText.short(c[index]),
                        difference: difference, verdict: worstFailure == nil ? .pass : .regression)
    }

    private static func missingRow(id: String, name: String) -> CheckRow {
        CheckRow(run: id, metric: name, baseline: "present", now: "absent", difference: "missing now", verdict: .regression)
    }

    private static func newRow(id: String, name: String) -> CheckRow {
        CheckRow(run: id, metric: name, baseline: "absent", now: "present", difference: "not in the baseline", verdict: .new)
    }
}
