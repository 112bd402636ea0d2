import Foundation
import Recording
import Testing
@testable import Reports

/// End-to-end rendering of small grids (needs gnuplot, installed by scripts/setup.sh).
@Suite struct RenderTests {
    static func smallGrid() -> [RunRecord] {
        var records: [RunRecord] = []
        for seed: Int64 in [0, 1] {
            for regularizer in ["none", "l2(lambda=0.0001)"] {
                records.append(SyntheticRuns.learning(optimizerID: "adam", params: ["lr": 0.001],
                                                      regularizer: regularizer, seed: seed, rate: 0.25))
                for lr in [0.1, 0.03] {
                    records.append(SyntheticRuns.learning(optimizerID: "sgd", params: ["lr": lr, "momentum": 0.9],
                                                          regularizer: regularizer, seed: seed, rate: lr * 3))
                }
                records.append(SyntheticRuns.learning(optimizerID: "lbfgs", params: ["history": 10],
                                                      regularizer: regularizer, seed: seed, rate: 0.5, quasiNewton: true))
            }
            records.append(SyntheticRuns.analyticRun(optimizerID: "lbfgs", seed: seed))
            records.append(SyntheticRuns.analyticRun(optimizerID: "bfgs", params: [:], seed: seed, factor: 0.3))
        }
        var diverged = SyntheticRuns.learning(optimizerID: "sgd", params: ["lr": 1.0, "momentum": 0.9], seed: 0)
        diverged.attributes["status"] = .string("diverged")
        diverged.curves["val_loss"]![5...] = [.nan, .nan, .nan, .nan, .nan, .nan]
        diverged.curves["train_loss"]![5...] = [.infinity, .nan, .nan, .nan, .nan, .nan]
        records.append(diverged)
        return records
    }

    @Test func smallGridRendersEveryFigureWithItsFourFiles() throws {
        let out = temporaryFolder("small-grid")
        let summary = try ReportRenderer.render(records: Self.smallGrid(), gridName: "small", gridConfig: "name: small\n",
                                                engineVersion: "0.1.0", outputDirectory: out, options: ReportOptions())
        #expect(summary.runCount == 21)
        let fm = FileManager.default
        for figure in summary.figures {
            #expect(figure.files.map(\.pathExtension) == ["gp", "dat", "png", "svg"])
            for file in figure.files {
                let size = (try? fm.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                #expect(size > 100, "\(file.lastPathComponent) is missing or nearly empty")
            }
        }
        let names = summary.figures.map(\.name)
        // mlp on digits: 3 metrics x 3 axes; rosenbrock: f - f* x 3 axes.
        #expect(names.filter { $0.hasPrefix("curve-") }.count == 12)
        #expect(names.filter { $0.hasPrefix("sensitivity-") }.count == 1)
        #expect(names.filter { $0.hasPrefix("heatmap-") }.count == 2)
        // skipped updates (mlp) and line-search evaluations (mlp and rosenbrock).
        #expect(names.filter { $0.hasPrefix("diag-") }.count == 3)
        // steps, evaluations and wall time.
        #expect(names.filter { $0.hasPrefix("profile-") }.count == 3)
        #expect(Set(names).count == names.count)

        let html = try String(contentsOf: summary.indexHTML, encoding: .utf8)
        let markdown = try String(contentsOf: summary.indexMarkdown, encoding: .utf8)
        for name in names {
            #expect(html.contains("figures/\(name).png") && html.contains("figures/\(name).svg"))
            #expect(markdown.contains("figures/\(name).png"))
        }
        // No run records a Hessian series, so no curvature figure is drawn.
        #expect(!names.contains { $0.hasPrefix("hessian-") })
        // L-BFGS and BFGS runs add the quasi-Newton diagnostics table.
        #expect(summary.tables.map(\.name) == ["final_metrics", "to_target", "status", "tuning", "quasi_newton"])
        for table in summary.tables {
            #expect(fm.fileExists(atPath: table.markdown.path) && fm.fileExists(atPath: table.csv.path))
            #expect(html.contains("tables/\(table.name).md") && html.contains("tables/\(table.name).csv"))
            #expect(table.markdown.deletingLastPathComponent().lastPathComponent == "tables")
        }
        #expect(html.contains("0.1.0") && html.contains("name: small"))

        let status = try String(contentsOf: out.appendingPathComponent("tables/status.csv"), encoding: .utf8)
        #expect(status.contains("mlp(hidden=[16]) on digits,\"sgd(lr=1.0, momentum=0.9)\",none,1,0,1,0,0,0"))
        // The tuning rule picks sgd lr = 0.1 (faster decay, lower final loss), never the diverged lr = 1.
        let tuning = try String(contentsOf: out.appendingPathComponent("tables/tuning.csv"), encoding: .utf8)
        #expect(tuning.contains("mlp(hidden=[16]) on digits,none,sgd,3,final val_loss,\"{\"\"lr\"\":0.1,\"\"momentum\"\":0.9}\""))
    }

    @Test func oneRunRendersEveryFigureAndPDF() throws {
        let out = temporaryFolder("one-run")
        let summary = try ReportRenderer.render(
            records: [SyntheticRuns.learning(points: 1, quasiNewton: true)], gridName: "one", gridConfig: nil,
            engineVersion: "0.1.0", outputDirectory: out, options: ReportOptions(pdf: true))
        #expect(!summary.figures.isEmpty)
        for figure in summary.figures {
            #expect(figure.files.map(\.pathExtension) == ["gp", "dat", "png", "svg", "pdf"])
            for file in figure.files { #expect(FileManager.default.fileExists(atPath: file.path)) }
        }
    }

    /// Two renderings of the same records give byte-identical data, scripts, tables
    /// and index pages; rendering a smaller grid into the same folder removes the
    /// figures it no longer produces and leaves foreign files alone.
    @Test func renderingIsDeterministicAndRemovesStaleFigures() throws {
        let a = temporaryFolder("determinism-a"), b = temporaryFolder("determinism-b")
        let records = Self.smallGrid()
        let first = try ReportRenderer.render(records: records, gridName: "g", gridConfig: nil, engineVersion: "1",
                                              outputDirectory: a, options: ReportOptions())
        _ = try ReportRenderer.render(records: records.reversed(), gridName: "g", gridConfig: nil, engineVersion: "1",
                                      outputDirectory: b, options: ReportOptions())
        var compared = 0
        for figure in first.figures {
            for ext in ["gp", "dat"] {
                let name = "figures/\(figure.name).\(ext)"
                #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)))
                compared += 1
            }
        }
        for name in ["index.html", "index.md", "tables/final_metrics.csv", "tables/tuning.md", "tables/to_target.csv"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)))
            compared += 1
        }
        #expect(compared == 2 * first.figures.count + 5)

        let foreign = a.appendingPathComponent("figures/notes.txt")
        try "mine".write(to: foreign, atomically: true, encoding: .utf8)
        let second = try ReportRenderer.render(records: [SyntheticRuns.learning()], gridName: "g", gridConfig: nil,
                                               engineVersion: "1", outputDirectory: a, options: ReportOptions())
        let left = try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent("figures").path)
        let expected = Set(second.figures.flatMap { $0.files.map(\.lastPathComponent) } + ["notes.txt"])
        #expect(Set(left) == expected)
    }

    @Test func emptyInputIsAClearError() {
        let out = temporaryFolder("empty")
        #expect(throws: ReportError.noRecords) {
            try ReportRenderer.render(records: [], gridName: "g", gridConfig: nil, engineVersion: "0",
                                      outputDirectory: out, options: ReportOptions())
        }
    }

    @Test func missingGnuplotNamesThePackageAndWritesNothing() throws {
        let out = temporaryFolder("no-gnuplot").appendingPathComponent("report")
        do {
            _ = try ReportRenderer.render(records: [SyntheticRuns.learning()], gridName: "g", gridConfig: nil,
                                          engineVersion: "0", outputDirectory: out,
                                          options: ReportOptions(gnuplotPath: "/nonexistent/gnuplot"))
            Issue.record("expected an error")
        } catch {
            #expect(error == .gnuplotNotFound(searched: ["/nonexistent/gnuplot"]))
            #expect(error.description.contains("gnuplot-nox"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func gnuplotMissingFromPathSkipsFiguresOnly() throws {
        let out = temporaryFolder("gnuplot-off-path").appendingPathComponent("report")
        let summary = try ReportRenderer.render(records: Self.smallGrid(), gridName: "g", gridConfig: nil,
                                                engineVersion: "0", outputDirectory: out,
                                                options: ReportOptions(searchPath: "/nonexistent:/also-not-here"))
        let reason = try #require(summary.figuresSkipped)
        #expect(reason.contains("apt-get install gnuplot-nox"))
        #expect(!summary.figures.isEmpty)
        let figures = out.appendingPathComponent("figures")
        let files = try FileManager.default.contentsOfDirectory(atPath: figures.path)
        #expect(files.contains { $0.hasSuffix(".dat") } && files.contains { $0.hasSuffix(".gp") })
        #expect(!files.contains { $0.hasSuffix(".png") || $0.hasSuffix(".svg") }, "\(files)")
        for table in summary.tables { #expect(FileManager.default.fileExists(atPath: table.csv.path)) }
        let index = try String(contentsOf: summary.indexHTML, encoding: .utf8)
        #expect(index.contains("Figure not rendered"))
        #expect(!index.contains(".png\""))
    }

    /// A gnuplot that fails on the validation-loss-against-steps figure only (and
    /// runs the real gnuplot otherwise): that figure's error carries gnuplot's
    /// message, and every other figure, the tables and the index are still written,
    /// the index naming the failure.
    @Test func oneFailingFigureDoesNotStopTheReport() throws {
        let dir = temporaryFolder("failing-gnuplot")
        let fake = dir.appendingPathComponent("gnuplot")
        let real = try #require(["/usr/bin/gnuplot", "/usr/local/bin/gnuplot"].first { FileManager.default.isExecutableFile(atPath: $0) })
        try """
            #!/bin/sh
            case "$2" in
              curve-val-loss-step-*) echo 'line 7: undefined variable: boom' >&2; exit 1 ;;
            esac
            exec \(real) "$@"

            """.write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let out = dir.appendingPathComponent("out")
        do {
            _ = try ReportRenderer.render(records: [SyntheticRuns.learning(), SyntheticRuns.learning(seed: 1)],
                                          gridName: "g", gridConfig: nil, engineVersion: "0", outputDirectory: out,
                                          options: ReportOptions(gnuplotPath: fake.path))
            Issue.record("expected an error")
        } catch {
            guard case .figuresFailed(let failures) = error, failures.count == 1,
                  case .gnuplotFailed(let script, let status, let message) = failures[0] else {
                Issue.record("unexpected error \(error)"); return
            }
            #expect(script.hasPrefix("curve-val-loss-step-") && script.hasSuffix(".gp") && status == 1)
            #expect(message == "line 7: undefined variable: boom")
        }
        let figures = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("figures").path)
        #expect(figures.contains { $0.hasPrefix("curve-val-loss-wall-time-") && $0.hasSuffix(".png") })
        #expect(!figures.contains { $0.hasPrefix("curve-val-loss-step-") && $0.hasSuffix(".png") })
        let index = try String(contentsOf: out.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("Figure not rendered") && index.contains("undefined variable: boom"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("tables/final_metrics.md").path))
    }

    /// Hand computation: finals {0.2, 0.4, 0.9} have mean 0.5 and sample standard
    /// deviation sqrt((0.09 + 0.01 + 0.16) / 2) = sqrt(0.13). Finals {0.3, 0.7}:
    /// every resample mean is 0.3, 0.5 or 0.7 with probabilities 1/4, 1/2, 1/4, so
    /// among 2000 resamples the 50th smallest is 0.3 and the 1950th is 0.7 (the
    /// chance of fewer than 51 extreme draws is below 1e-80).
    @Test func finalMetricsTableMatchesHandComputation() throws {
        var records = [0.2, 0.4, 0.9].enumerated().map { i, v in
            SyntheticRuns.withFinals([2.0, 1.0, v], optimizerID: "sgd", params: ["lr": 0.1], seed: Int64(i))
        }
        records += [0.3, 0.7].enumerated().map { i, v in
            SyntheticRuns.withFinals([2.0, v], optimizerID: "adam", params: ["lr": 0.001], seed: Int64(i))
        }
        let out = temporaryFolder("hand")
        _ = try ReportRenderer.render(records: records, gridName: "hand", gridConfig: nil, engineVersion: "0",
                                      outputDirectory: out, options: ReportOptions())
        let csv = try String(contentsOf: out.appendingPathComponent("tables/final_metrics.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == ["problem", "optimizer", "regularizer", "metric", "runs", "n", "mean", "std",
                            "ci95_low", "ci95_high"])
        // No label here contains a comma, so a plain split gives the fields.
        func row(_ optimizer: String, _ metric: String) -> [String]? {
            rows.first { $0.count == 10 && $0[1].hasPrefix(optimizer + "(") && $0[3] == metric }
        }
        let sgd = try #require(row("sgd", "val_loss"))
        #expect(sgd[4] == "3" && sgd[5] == "3")
        #expect(abs(Double(sgd[6])! - 0.5) < 1e-15)
        #expect(abs(Double(sgd[7])! - 0.13.squareRoot()) < 1e-15)
        let lo = Double(sgd[8])!, hi = Double(sgd[9])!
        #expect(lo >= 0.2 && lo < 0.5 && hi > 0.5 && hi <= 0.9)
        let adam = try #require(row("adam", "val_loss"))
        #expect(Double(adam[6]) == 0.5)
        #expect(abs(Double(adam[7])! - 0.08.squareRoot()) < 1e-15)
        #expect(Double(adam[8]) == 0.3 && Double(adam[9]) == 0.7)

        let md = try String(contentsOf: out.appendingPathComponent("tables/final_metrics.md"), encoding: .utf8)
        #expect(md.contains("| 3 | 3 | 0.5 | 0.3606 |"))
        #expect(md.contains("2000 resamples"))
    }
}
