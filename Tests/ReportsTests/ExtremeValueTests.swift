import Foundation
import Recording
import Testing
@testable import Reports

/// Figures whose values span the whole double range (f - f* of test functions
/// reaching subnormal values next to finals of order 10) still render.
@Suite struct ExtremeValueTests {
    @Test func sensitivityFigureWithSubnormalAndLargeFinalsRenders() throws {
        let out = temporaryFolder("extreme-values")
        var records: [RunRecord] = []
        for (i, lr) in [0.1, 0.01].enumerated() {
            for seed in 0..<2 {
                let final = i == 0 ? 4.9e-320 : 7.65
                records.append(SyntheticRuns.withFinals([2.0, final], params: ["lr": lr], seed: Int64(seed)))
            }
        }
        let summary = try ReportRenderer.render(records: records, gridName: "extreme", gridConfig: nil, engineVersion: "1",
                                                outputDirectory: out, options: ReportOptions())
        let sensitivity = summary.figures.filter { $0.name.hasPrefix("sensitivity") }
        #expect(!sensitivity.isEmpty)
        for figure in sensitivity {
            let script = try String(contentsOf: out.appendingPathComponent("figures/\(figure.name).gp"), encoding: .utf8)
            #expect(!script.contains("inf]") && !script.contains("[0.0:"), "range: \(script)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("figures/\(figure.name).png").path))
        }
    }
}
