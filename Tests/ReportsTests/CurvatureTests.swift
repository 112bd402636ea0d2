import Foundation
import Recording
import Testing
@testable import Reports

/// Curvature figures from the `hessian` and `hessian_density` series.
@Suite struct CurvatureTests {
    /// Two seeds each of SGD (lr 0.1, momentum 0.9), Adam (lr 0.001) and L-BFGS
    /// (which also carries an `lr` parameter, to show that only first-order ids
    /// get a 2/lr line) on one problem, all with Hessian series and densities.
    static func curvatureGrid(dataset: String = "digits", density: Bool = true) -> [RunRecord] {
        var records: [RunRecord] = []
        for seed: Int64 in [0, 1] {
            records.append(SyntheticRuns.withHessian(
                SyntheticRuns.learning(dataset: dataset, optimizerID: "sgd", params: ["lr": 0.1, "momentum": 0.9],
                                       seed: seed, rate: 0.3), plateau: 18, density: density))
            records.append(SyntheticRuns.withHessian(
                SyntheticRuns.learning(dataset: dataset, optimizerID: "adam", params: ["lr": 0.001, "eps": 1e-8], seed: seed),
                plateau: 40, density: density))
            records.append(SyntheticRuns.withHessian(
                SyntheticRuns.learning(dataset: dataset, optimizerID: "lbfgs", params: ["history": 10, "lr": 1],
                                       seed: seed, quasiNewton: true), plateau: 60, density: density))
        }
        return records
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func curvatureFiguresRenderWithTheirFourFilesAndIndexLinks() throws {
        let out = temporaryFolder("curvature")
        let summary = try ReportRenderer.render(records: Self.curvatureGrid(), gridName: "curv", gridConfig: nil,
                                                engineVersion: "0.1.0", outputDirectory: out, options: ReportOptions())
        let curvature = summary.figures.filter { $0.name.hasPrefix("hessian-") }
        #expect(curvature.count == 3)
        for kind in ["hessian-top-eig-", "hessian-trace-", "hessian-density-"] {
            #expect(curvature.filter { $0.name.hasPrefix(kind) }.count == 1, "expected one \(kind) figure")
        }
        let html = try Self.read(summary.indexHTML), markdown = try Self.read(summary.indexMarkdown)
        for figure in curvature {
            #expect(figure.files.map(\.pathExtension) == ["gp", "dat", "png", "svg"])
            for file in figure.files {
                let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                #expect(size > 100, "\(file.lastPathComponent) is missing or nearly empty")
            }
            #expect(figure.section == "mlp(hidden=[16]) on digits")
            #expect(html.contains("figures/\(figure.name).png") && markdown.contains("figures/\(figure.name).svg"))
        }
        // The caption states that the threshold is only indicative for Adam.
        #expect(html.contains("only indicative for adaptive methods (those with an eps parameter)"))
    }

    @Test func curvatureFiguresAppearOnlyWhereTheSeriesExist() throws {
        let runs = [SyntheticRuns.learning(), SyntheticRuns.learning(optimizerID: "sgd", params: ["lr": 0.1])]
            .map(RunView.init)
        #expect(CurvatureFigures.make(problem: runs[0].problem, runs: runs).isEmpty)
        #expect(DensityFigure.make(problem: runs[0].problem, runs: runs) == nil)
        // Hessian series without a density: eigenvalue and trace figures, no density figure.
        let measured = Self.curvatureGrid(density: false).map(RunView.init)
        #expect(CurvatureFigures.make(problem: measured[0].problem, runs: measured).count == 2)
        #expect(DensityFigure.make(problem: measured[0].problem, runs: measured) == nil)
        // A curve shorter than the series' steps is ignored.
        var broken = SyntheticRuns.withHessian(SyntheticRuns.learning())
        broken.series["hessian"]!.curves["hessian_top_eig_1"]!.removeLast()
        broken.series["hessian"]!.curves["hessian_trace"]!.removeLast()
        let view = RunView(broken)
        #expect(CurvatureFigures.make(problem: view.problem, runs: [view]).isEmpty)
    }

    /// SGD lr = 0.1 gives 2/lr = 20 and Adam lr = 0.001 gives 2000; L-BFGS, although
    /// it has an lr parameter, gets no line (2/lr would be 2).
    @Test func stabilityLineForFirstOrderOptimizersOnly() throws {
        let out = temporaryFolder("curvature-threshold")
        var records = Self.curvatureGrid(dataset: "digits").filter { $0.string("optimizer_id") == "sgd" }
        records += Self.curvatureGrid(dataset: "iris").filter { $0.string("optimizer_id") == "lbfgs" }
        let summary = try ReportRenderer.render(records: records, gridName: "t", gridConfig: nil, engineVersion: "0",
                                                outputDirectory: out, options: ReportOptions())
        let eig = summary.figures.filter { $0.name.hasPrefix("hessian-top-eig-") }
        let sgd = try #require(eig.first { $0.section.hasSuffix("on digits") })
        let lbfgs = try #require(eig.first { $0.section.hasSuffix("on iris") })
        let sgdData = try Self.read(sgd.files[1]), sgdScript = try Self.read(sgd.files[0])
        #expect(sgdData.contains("\"2/lr = 20 (lr = 0.1)\""))
        // The line spans the measured steps 0 to 100 at height 2 / 0.1.
        #expect(sgdData.contains("0.0 20.0\n100.0 20.0\n"))
        #expect(sgdScript.contains("with lines dt 2"))
        let lbfgsData = try Self.read(lbfgs.files[1]), lbfgsScript = try Self.read(lbfgs.files[0])
        #expect(!lbfgsData.contains("2/lr") && !lbfgsScript.contains("with lines dt 2"))

        let views = Self.curvatureGrid().map(RunView.init)
        let spec = try #require(CurvatureFigures.topEigenvalueFigure(problem: views[0].problem, runs: views))
        #expect(spec.data.contains("\"2/lr = 2000 (lr = 0.001)\"") && spec.data.contains("\"2/lr = 20 (lr = 0.1)\""))
        #expect(!spec.data.contains("(lr = 1)"))
        // Eigenvalues 2..60 and a line at 2000 span three decades: log scale.
        #expect(spec.body.contains("set logscale y"))
        #expect(spec.caption.contains("adaptive methods") && spec.caption.contains("(2 + 2 beta)/lr"))
    }

    /// Seed 0 and seed 1 of SGD at the first measurement (k = 0): eig1 = 2 and
    /// 2 * 1.02 = 2.04, so mean 2.02, min 2, max 2.04. Trace = 10 * eig1, mean
    /// 20.2; standard errors 2 on both seeds, so the bars span 18.2 to 22.2.
    @Test func eigenvalueAndTraceValuesByHand() throws {
        let views = Self.curvatureGrid().filter { $0.string("optimizer_id") == "sgd" }.map(RunView.init)
        let eig = try #require(CurvatureFigures.topEigenvalueFigure(problem: views[0].problem, runs: views))
        let eigRows = dataRows(eig.data, block: 0)
        #expect(eigRows.count == 6)
        #expect(eigRows[0][0] == 0 && abs(eigRows[0][1] - 2.02) < 1e-12)
        #expect(eigRows[0][2] == 2 && abs(eigRows[0][3] - 2.04) < 1e-12 && eigRows[0][4] == 2)
        let trace = try #require(CurvatureFigures.traceFigure(problem: views[0].problem, runs: views))
        let traceRows = dataRows(trace.data, block: 0)
        #expect(abs(traceRows[0][1] - 20.2) < 1e-12)
        #expect(abs(traceRows[0][2] - 18.2) < 1e-12 && abs(traceRows[0][3] - 22.2) < 1e-12)
        // k = 5 (step 100): standard error 2 + 2 * 5 on both seeds.
        #expect(traceRows[5][0] == 100 && traceRows[5][4] == 12)
        #expect(trace.body.contains("yerrorlines"))
    }

    /// Gaussian kernel values against the standard normal density:
    /// phi(0) = 0.3989422804014327 and phi(1) = 0.24197072451914337, divided by sigma.
    @Test func smoothingMatchesTheNormalDensity() {
        let sigma = 0.02
        let d = SpectralSmoothing.density(nodes: [0], weights: [1], grid: [0, sigma, -sigma], sigma: sigma)
        #expect(abs(d[0] - 0.3989422804014327 / sigma) < 1e-12)
        #expect(abs(d[1] - 0.24197072451914337 / sigma) < 1e-12 && d[1] == d[2])
        // sigma = 1% of the range [-1, 1]; 400 points over the range widened by 6 sigma.
        let (s, grid) = SpectralSmoothing.grid(lo: -1, hi: 1)
        #expect(s == 0.02 && grid.count == 400)
        #expect(abs(grid[0] + 1.12) < 1e-15 && abs(grid[399] - 1.12) < 1e-15)
        // A unit mass integrates to about 1 (trapezoid rule; P(Z > 6) = 1e-9 lies outside the grid).
        let density = SpectralSmoothing.density(nodes: [-1, 0.3, 1], weights: [0.25, 0.5, 0.25], grid: grid, sigma: s)
        var integral = 0.0
        for k in 1..<grid.count { integral += (grid[k] - grid[k - 1]) * (density[k] + density[k - 1]) / 2 }
        #expect(abs(integral - 1) < 1e-4)
    }

    @Test func densityFigureHasFirstAndLastStepPerConfiguration() throws {
        let views = Self.curvatureGrid().map(RunView.init)
        let spec = try #require(DensityFigure.make(problem: views[0].problem, runs: views))
        // Three configurations, each at step 100 (solid) and step 0 (dashed).
        for b in 0..<6 {
            let rows = dataRows(spec.data, block: b)
            #expect(rows.count == 400)
            #expect(rows.allSatisfy { $0[1] >= 1e-8 && $0[2] == 2 })
        }
        #expect(spec.data.contains("sgd(lr=0.1, momentum=0.9) / none, step 100\""))
        #expect(spec.data.contains("sgd(lr=0.1, momentum=0.9) / none, step 0\""))
        #expect(spec.body.contains("set logscale y") && spec.body.contains("set yrange [1e-08:*]"))
        #expect(spec.body.contains("first measured step"))
        // Nodes span -0.5 (bulk) to 60 * 1.02 (L-BFGS seed 1's largest at its plateau
        // approach): sigma = 1% of that range.
        let lo = -0.5, hi = (60 - 58 * exp(-2.5)) * 1.02
        let first = dataRows(spec.data, block: 0)[0][0]
        #expect(abs(first - (lo - 6 * 0.01 * (hi - lo))) < 1e-9)

        let out = temporaryFolder("curvature-density")
        let summary = try ReportRenderer.render(records: Self.curvatureGrid(), gridName: "d", gridConfig: nil,
                                                engineVersion: "0", outputDirectory: out, options: ReportOptions())
        let figure = try #require(summary.figures.first { $0.name.hasPrefix("hessian-density-") })
        for file in figure.files { #expect(FileManager.default.fileExists(atPath: file.path)) }
    }

    /// One measurement (step 0 only) and negative eigenvalues still give all three
    /// figures with every file, PDF included; the eigenvalue axis is then linear.
    @Test func singleMeasurementAndNegativeCurvatureRender() throws {
        var one = SyntheticRuns.withHessian(SyntheticRuns.learning(optimizerID: "sgd", params: ["lr": 0.5], points: 1),
                                            density: true)
        var negative = SyntheticRuns.withHessian(SyntheticRuns.learning(dataset: "iris", optimizerID: "sgd",
                                                                          params: ["lr": 0.5]),
                                                 start: -3, plateau: 6, density: true)
        one.attributes["run_id"] = .string("one")
        negative.attributes["run_id"] = .string("negative")
        let out = temporaryFolder("curvature-edge")
        let summary = try ReportRenderer.render(records: [one, negative], gridName: "e", gridConfig: nil,
                                                engineVersion: "0", outputDirectory: out, options: ReportOptions(pdf: true))
        let curvature = summary.figures.filter { $0.name.hasPrefix("hessian-") }
        #expect(curvature.count == 6)
        for figure in curvature {
            for file in figure.files { #expect(FileManager.default.fileExists(atPath: file.path)) }
        }
        let views = [RunView(negative)]
        let spec = try #require(CurvatureFigures.topEigenvalueFigure(problem: views[0].problem, runs: views))
        #expect(!spec.body.contains("set logscale y") && spec.data.contains("\"2/lr = 4 (lr = 0.5)\""))
    }

    /// Rendering the same records in another order gives byte-identical curvature data and scripts.
    @Test func curvatureDataIsDeterministic() throws {
        var records = Self.curvatureGrid()
        records.append(SyntheticRuns.withHessian(
            SyntheticRuns.learning(optimizerID: "sgd", params: ["lr": 0.1, "momentum": 0.9], seed: 2),
            plateau: 18, density: true))
        let a = temporaryFolder("curvature-order-a"), b = temporaryFolder("curvature-order-b")
        let first = try ReportRenderer.render(records: records, gridName: "o", gridConfig: nil, engineVersion: "0",
                                              outputDirectory: a, options: ReportOptions())
        _ = try ReportRenderer.render(records: records.reversed(), gridName: "o", gridConfig: nil, engineVersion: "0",
                                      outputDirectory: b, options: ReportOptions())
        let names = first.figures.map(\.name).filter { $0.hasPrefix("hessian-") }
        #expect(names.count == 3)
        for name in names {
            for ext in ["gp", "dat"] {
                let file = "figures/\(name).\(ext)"
                #expect(try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)))
            }
        }
    }

    /// Numeric rows of data block `block` (blocks are separated by two blank lines,
    /// each opening with a header row).
    func dataRows(_ text: String, block: Int) -> [[Double]] {
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
            .joined(separator: "\n")
        let blocks = body.components(separatedBy: "\n\n\n")
        return blocks[block].split(separator: "\n").dropFirst().map { line in
            line.split(separator: " ").map { Double($0) ?? .nan }
        }
    }
}
