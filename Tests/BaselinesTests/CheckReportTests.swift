import Testing
import Recording
@testable import Baselines

@Suite struct CheckReportTests {
    @Test func tableColumnsAreAligned() throws {
        let runs = [Fixtures.run(id: "short"), Fixtures.run(id: "a-much-longer-run-id", seed: 1)]
        let baseline = try Fixtures.baseline(runs)
        var current = runs
        current[1] = Fixtures.changing(current[1], curve: "train_loss", at: 2, { $0 * 2 })
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("run ") }) else {
            Issue.record("no table header in\n\(report.text)"); return
        }
        let table = Array(lines[header...header + 2])
        #expect(table[0].split(separator: " ") == ["run", "metric", "baseline", "now", "difference", "verdict"])
        // Every column starts where its header does.
        for (title, field) in [("metric", \CheckRow.metric), ("difference", \CheckRow.difference), ("verdict", \CheckRow.verdict.rawValue)] {
            let offset = table[0].distance(from: table[0].startIndex, to: table[0].range(of: title)!.lowerBound)
            for (line, row) in zip(table.dropFirst(), report.rows) {
                #expect(line.dropFirst(offset).hasPrefix(row[keyPath: field]), "\(title): \(line)")
                #expect(line.dropFirst(offset - 1).hasPrefix(" "), "\(title): \(line)")
            }
        }
        #expect(table[1].hasPrefix("a-much-longer-run-id  /curves/train_loss  0.8"))
        #expect(table[1].hasSuffix("REGRESSION"))
        #expect(report.text.contains("Regressed runs:\n  a-much-longer-run-id  digits mlp adam(lr=0.001) none seed=1"))
        #expect(report.text.hasSuffix("Result: REGRESSION (1 of 2 comparisons regressed)\n"))
    }

    @Test func notesMentionEngineVersionAndWhereTheBaselineWasStored() throws {
        let runs = [Fixtures.run(id: "a")]
        let baseline = try Fixtures.baseline(runs)
        var current = runs
        current[0].attributes["engine_version"] = .string("1.1.0")
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        #expect(report.notes.contains("engine version differs: baseline 1.0.0, now 1.1.0"))
        #expect(report.notes.contains("baseline stored 2023-11-14T22:13:20Z on Test CPU, 2 cores, Debian 12, Linux 6.1.0 x86_64"))
        #expect(report.text.contains("Result: OK (0 of 1 comparison regressed)"))
    }
}
