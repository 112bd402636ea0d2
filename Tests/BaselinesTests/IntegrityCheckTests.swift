import Foundation
import Recording
import Testing
@testable import Baselines

/// Damaged current run files and empty baselines: never a pass.
@Suite struct IntegrityCheckTests {
    @Test(arguments: [CheckMode.exact, .tolerance, .statistical])
    func damagedRunIsARegressionNamedInEveryMode(mode: CheckMode) throws {
        let baseline = try Fixtures.baseline([Fixtures.run(id: "a"), Fixtures.run(id: "b", seed: 1)])
        let report = try BaselineChecker.check(current: [Fixtures.run(id: "a")], baseline: baseline, mode: mode,
                                               damaged: ["b": "content does not match its digest"])
        #expect(report.regressed)
        let row = try #require(report.rows.first { $0.run == "b" && $0.metric == "run file" })
        #expect(row.verdict == .regression)
        #expect(row.now == "damaged")
        #expect(report.missingInCurrent.isEmpty)
        #expect(report.text.contains("content does not match its digest"))
    }

    @Test func intactRunsStillPass() throws {
        let baseline = try Fixtures.baseline([Fixtures.run(id: "a")])
        let report = try BaselineChecker.check(current: [Fixtures.run(id: "a")], baseline: baseline, mode: .exact)
        #expect(!report.regressed)
    }

    @Test func baselineWithoutRunsIsCorrupt() throws {
        let (folder, dataPath) = try BadBaselineFolderTests.storedFolder()
        let text = try String(contentsOfFile: dataPath, encoding: .utf8)
        let start = try #require(text.range(of: "\"runs\": ["))
        let end = try #require(text.range(of: "\n  ]", range: start.upperBound..<text.endIndex))
        try (String(text[..<start.upperBound]) + "]" + String(text[end.upperBound...]))
            .write(toFile: dataPath, atomically: true, encoding: .utf8)
        let error = #expect(throws: BaselineError.self) { try Baseline.read(from: folder) }
        guard case .corrupt(let path, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == dataPath)
        #expect(reason.contains("no runs"))
    }
}
