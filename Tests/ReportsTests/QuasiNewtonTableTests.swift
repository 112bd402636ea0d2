import Foundation
import Recording
import Testing
@testable import Reports

/// The quasi-Newton diagnostics table (`tables/quasi_newton.md` and `.csv`).
@Suite struct QuasiNewtonTableTests {
    static func run(_ optimizerID: String, params: [String: Double], seed: Int64, counters: [String: Double],
                    stepsDone: Int64?) -> RunRecord {
        var r = SyntheticRuns.learning(optimizerID: optimizerID, params: params, seed: seed)
        for (name, final) in counters {
            // Cumulative counters growing linearly to their final value over the 11 points.
            r.curves[name] = (0...10).map { final * Double($0) / 10 }
        }
        if let s = stepsDone { r.attributes["steps_done"] = .int(s) }
        return r
    }

    /// Hand computation:
    /// - L-BFGS seed 0: skipped 3, damped 1, tr 0, line-search 30 over 10 steps (3 per step);
    ///   seed 1: skipped 5, damped 3, tr 0, line-search 50 over 20 steps (2.5 per step);
    ///   means 4, 2, 0 and 2.75.
    /// - SGD with 40 line-search evaluations and no steps_done: its last step, 100, gives 0.4;
    ///   it records no other counter, so those cells are empty.
    /// - BFGS without counters: listed (quasi-Newton id), every counter empty.
    /// - Adam without counters, and Adam with counters that stay 0: left out.
    static func records() -> [RunRecord] {
        [
            run("lbfgs", params: ["history": 10], seed: 0,
                counters: ["skipped_updates": 3, "damped_updates": 1, "tr_rejections": 0, "line_search_evals": 30],
                stepsDone: 10),
            run("lbfgs", params: ["history": 10], seed: 1,
                counters: ["skipped_updates": 5, "damped_updates": 3, "tr_rejections": 0, "line_search_evals": 50],
                stepsDone: 20),
            run("sgd", params: ["lr": 0.1], seed: 0, counters: ["line_search_evals": 40], stepsDone: nil),
            run("bfgs", params: [:], seed: 0, counters: [:], stepsDone: 100),
            run("adam", params: ["lr": 0.001], seed: 0, counters: [:], stepsDone: 100),
            run("adam", params: ["lr": 0.01], seed: 0,
                counters: ["skipped_updates": 0, "line_search_evals": 0], stepsDone: 100),
        ]
    }

    @Test func valuesMatchTheHandComputation() throws {
        let table = ReportTables.quasiNewton(Self.records().map(RunView.init))
        #expect(table.columns == ["problem", "optimizer", "regularizer", "runs", "skipped_updates", "damped_updates",
                                  "tr_rejections", "line_search_evals_per_step"])
        let lines = table.csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4)
        let problem = "mlp(hidden=[16]) on digits"
        #expect(lines.contains("\(problem),bfgs,none,1,,,,"))
        #expect(lines.contains("\(problem),lbfgs(history=10.0),none,2,4.0,2.0,0.0,2.75"))
        #expect(lines.contains("\(problem),sgd(lr=0.1),none,1,,,,0.4"))
        #expect(!table.csv.contains("adam"))
    }

    @Test func tableIsWrittenAndLinkedOnlyWhenItHasRows() throws {
        let out = temporaryFolder("quasi-newton")
        let summary = try ReportRenderer.render(records: Self.records(), gridName: "q", gridConfig: nil,
                                                engineVersion: "0", outputDirectory: out, options: ReportOptions())
        let entry = try #require(summary.tables.first { $0.name == "quasi_newton" })
        #expect(entry.rowCount == 3)
        #expect(entry.markdown.path.hasSuffix("tables/quasi_newton.md") && entry.csv.path.hasSuffix("tables/quasi_newton.csv"))
        let md = try String(contentsOf: entry.markdown, encoding: .utf8)
        #expect(md.contains("| 2 | 4 | 2 | 0 | 2.75 |"))
        let html = try String(contentsOf: summary.indexHTML, encoding: .utf8)
        let index = try String(contentsOf: summary.indexMarkdown, encoding: .utf8)
        #expect(html.contains("href=\"tables/quasi_newton.md\"") && html.contains("href=\"tables/quasi_newton.csv\""))
        #expect(index.contains("(tables/quasi_newton.csv)"))

        // A later rendering without quasi-Newton runs drops the table and its stale files.
        let again = try ReportRenderer.render(records: [SyntheticRuns.learning()], gridName: "q", gridConfig: nil,
                                              engineVersion: "0", outputDirectory: out, options: ReportOptions())
        #expect(!again.tables.contains { $0.name == "quasi_newton" })
        #expect(!FileManager.default.fileExists(atPath: entry.markdown.path))
        #expect(!FileManager.default.fileExists(atPath: entry.csv.path))
        #expect(!(try String(contentsOf: again.indexHTML, encoding: .utf8)).contains("quasi_newton"))
    }
}
