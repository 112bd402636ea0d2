import Support
import Recording

/// The statistical mode: runs grouped into cells across seeds (`CellKey`), and
/// each final metric of a cell compared between baseline and current seeds
/// with Welch's t-test (`WelchTest`).
///
/// A metric changed when p < alpha (either direction: the check guards
/// against unintended change; an intended one is stored with `--regen`).
/// Only finite final values enter a sample; with fewer than two on either
/// side the verdict is `insufficientSeeds`, not a regression. A baseline cell
/// without any current run is a regression; a cell only present now is not
/// compared.
enum StatisticalCheck {
    /// Rows for every baseline cell, in the order of their labels. Runs are
    /// taken in `run_id` order so that the sums are always formed in one order.
    static func rows(baseline: [RunRecord], current: [String: RunRecord], options: StatisticalOptions) -> [CheckRow] {
        let baselineCells = Dictionary(grouping: baseline, by: CellKey.key)
        let currentRuns = current.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { current[$0]! }
        let currentCells = Dictionary(grouping: currentRuns, by: CellKey.key)
        let labels = labelsByKey(baselineCells)
        var rows: [CheckRow] = []
        for key in baselineCells.keys.sorted(by: { (labels[$0]!, $0) < (labels[$1]!, $1) }) {
            let label = labels[key]!
            let before = baselineCells[key]!
            let after = currentCells[key] ?? []
            guard !after.isEmpty else {
                rows.append(CheckRow(run: label, metric: "runs", baseline: "n=\(before.count)", now: "n=0",
                                     difference: "no current run of this cell", verdict: .regression))
                continue
            }
            for metric in options.metrics {
                let b = before.compactMap { FinalMetrics.value(metric, in: $0) }
                guard !b.isEmpty else { continue }
                let c = after.compactMap { FinalMetrics.value(metric, in: $0) }
                rows.append(row(cell: label, metric: metric, b.filter(\.isFinite), c.filter(\.isFinite), options))
            }
        }
        return rows
    }

    private static func row(cell: String, metric: String, _ b: [Double], _ c: [Double],
                            _ options: StatisticalOptions) -> CheckRow {
        let name = "final \(metric)"
        guard b.count >= 2 && c.count >= 2 else {
            return CheckRow(run: cell, metric: name, baseline: sample(b), now: sample(c),
                            difference: "needs 2 finite values per side", verdict: .insufficientSeeds)
        }
        let test = WelchTest(baseline: b, current: c)
        let significant = test.pValue < options.alpha
        var difference = "mean \(ValueText.signed(test.currentMean - test.baselineMean)),"
            + " g=\(ValueText.signed(test.hedgesG)), p=\(String(format: "%.2g", test.pValue))"
        if significant && test.currentMean != test.baselineMean {
            let higherIsBetter = metric.contains("accuracy")
            difference += (test.currentMean > test.baselineMean) == higherIsBetter ? " (better)" : " (worse)"
        }
        return CheckRow(run: cell, metric: name,
                        baseline: summary(mean: test.baselineMean, sd: test.baselineStandardDeviation, n: b.count),
                        now: summary(mean: test.currentMean, sd: test.currentStandardDeviation, n: c.count),
                        difference: difference, verdict: significant ? .regression : .pass, test: test)
    }

    private static func summary(mean: Double, sd: Double, n: Int) -> String {
        "\(ValueText.short(mean)) ± \(ValueText.short(sd)) (n=\(n))"
    }

    private static func sample(_ values: [Double]) -> String {
        switch values.count {
        case 0: return "n=0"
        case 1: return "\(ValueText.short(values[0])) (n=1)"
        default:
            let (mean, variance) = WelchTest.meanAndVariance(values)
            return summary(mean: mean, sd: variance.squareRoot(), n: values.count)
        }
    }

    /// Cell labels, with a short hash of the key added where two cells would
    /// otherwise share a label (same names, different training settings).
    private static func labelsByKey(_ cells: [String: [RunRecord]]) -> [String: String] {
        let plain = cells.mapValues { CellKey.label($0[0]) }
        var uses: [String: Int] = [:]
        for label in plain.values { uses[label, default: 0] += 1 }
        return Dictionary(uniqueKeysWithValues: plain.map { key, label in
            (key, uses[label]! > 1 ? "\(label) [\(SHA256.hex(key).prefix(8))]" : label)
        })
    }
}
