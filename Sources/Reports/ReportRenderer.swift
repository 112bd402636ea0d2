import Foundation
import Recording

/// Renders a grid's report: figures (gnuplot), tables and an index page.
///
/// Layout under `outputDirectory` (usually `reports/<grid>/`):
/// - `figures/NAME.gp`, `NAME.dat`, `NAME.png`, `NAME.svg` (and `NAME.pdf`):
///   learning curves, learning-rate sensitivity, final-metric heat maps,
///   quasi-Newton diagnostics and, from the runs' `hessian` and
///   `hessian_density` series, curvature (largest eigenvalue with 2/lr lines,
///   trace, spectral density) per problem, models side by side per data set
///   when a data set has several, and performance profiles (steps, evaluations,
///   wall time) over all problems;
/// - `tables/NAME.md` and `NAME.csv`: final metrics with bootstrap intervals,
///   steps and evaluations to target, status counts, the tuning view and, when
///   some run has them, quasi-Newton diagnostics;
/// - `index.html` and `index.md`.
/// Figure and table files of an earlier rendering that this one does not
/// produce are removed; nothing else in the folder is touched.
///
/// Names from grid files reach gnuplot only as data fields and `-c` argument
/// values (see `FigureSpec`), and every file name is a sanitized slug.
public enum ReportRenderer {
    /// Renders the report of `records` into `outputDirectory` and says what it wrote.
    ///
    /// Without gnuplot on the search path, everything but the images is written
    /// (figure data and scripts, tables, an index that marks each figure not
    /// drawn) and `figuresSkipped` in the summary says why.
    ///
    /// - Throws: `ReportError.noRecords` for an empty list,
    ///   `.gnuplotNotFound` before anything is written when an explicit
    ///   `gnuplotPath` is not an executable,
    ///   `.figuresFailed` (with gnuplot's messages) after writing everything else
    ///   when some figures failed, `.writeFailed` for I/O errors.
    public static func render(records: [RunRecord], gridName: String, gridConfig: String?, engineVersion: String,
                              outputDirectory: URL, options: ReportOptions) throws(ReportError) -> ReportSummary {
        guard !records.isEmpty else { throw .noRecords }
        let gnuplot = try locateGnuplot(options)
        let runs = records.map(RunView.init).sorted { a, b in
            (a.problem, a.config, a.seed ?? Int64.min, a.runID) < (b.problem, b.config, b.seed ?? Int64.min, b.runID)
        }
        let problems = Array(Set(runs.map(\.problem))).sorted()
        let outcomes = TargetRule.outcomes(runs)
        let tuning = TuningSelection(runs: runs)

        var specs: [FigureSpec] = []
        for problem in problems {
            let members = runs.filter { $0.problem == problem }
            specs += LearningCurveFigures.make(problem: problem, runs: members)
            if let f = SensitivityFigure.make(problem: problem, tuning: tuning) { specs.append(f) }
            if let f = HeatmapFigure.make(problem: problem, runs: members) { specs.append(f) }
            specs += DiagnosticFigures.make(problem: problem, runs: members)
            specs += CurvatureFigures.make(problem: problem, runs: members)
            if let f = DensityFigure.make(problem: problem, runs: members) { specs.append(f) }
        }
        specs += ModelComparisonFigures.make(runs: runs)
        specs += ProfileFigures.make(runs: runs, outcomes: outcomes)

        let figuresDir = outputDirectory.appendingPathComponent("figures", isDirectory: true)
        let tablesDir = outputDirectory.appendingPathComponent("tables", isDirectory: true)
        try FileOutput.makeDirectory(figuresDir)
        try FileOutput.makeDirectory(tablesDir)
        for spec in specs {
            try FileOutput.write(spec.data, to: figuresDir.appendingPathComponent("\(spec.name).dat"))
            try FileOutput.write(GnuplotScript.make(spec, pdf: options.pdf),
                                 to: figuresDir.appendingPathComponent("\(spec.name).gp"))
        }
        FileOutput.removeStaleFigures(in: figuresDir, keeping: Set(specs.map(\.name)))
        var failures: [String: ReportError] = [:]
        var skipped: String? = nil
        if let gnuplot {
            failures = gnuplot.run(jobs: specs.map { ($0.name, $0.plotTitle) }, in: figuresDir,
                                   maxConcurrent: options.maxConcurrentProcesses)
        } else {
            // Images of an earlier rendering would no longer match the data next to them.
            FileOutput.removeImages(of: specs.map(\.name), in: figuresDir)
            skipped = "gnuplot is not installed, so the report has no figure images (their data and scripts are in "
                + "\(figuresDir.path)); install it with `apt-get install gnuplot-nox` and run `bench report` again"
        }

        var tables = [
            ReportTables.finalMetrics(runs, bootstrap: options.bootstrap),
            ReportTables.toTarget(runs, outcomes: outcomes),
            ReportTables.statusCounts(runs),
            ReportTables.tuning(tuning),
        ]
        let quasiNewton = ReportTables.quasiNewton(runs)
        if !quasiNewton.rows.isEmpty { tables.append(quasiNewton) }
        FileOutput.removeStaleTables(in: tablesDir, keeping: Set(tables.map(\.name)))
        for table in tables {
            try FileOutput.write(table.markdown, to: tablesDir.appendingPathComponent("\(table.name).md"))
            try FileOutput.write(table.csv, to: tablesDir.appendingPathComponent("\(table.name).csv"))
        }

        let statuses = ReportTables.statuses + ["other"]
        let totals = statuses.map { s in
            (s, s == "other" ? runs.filter { !ReportTables.statuses.contains($0.status) }.count
                             : runs.filter { $0.status == s }.count)
        }.filter { $0.1 > 0 }
        let page = IndexPage(
            gridName: gridName, gridConfig: gridConfig, engineVersion: engineVersion,
            recordedEngineVersions: Array(Set(runs.compactMap { $0.record.string(RunFileNames.Attribute.engineVersion) })).sorted(),
            runCount: runs.count, statusTotals: totals,
            methodNotes: methodNotes(options),
            tables: tables, figures: specs.map { IndexPage.FigureEntry(spec: $0, hasPDF: options.pdf,
                                                                       failure: skipped == nil ? failures[$0.name]?.description
                                                                           : "gnuplot is not installed (apt-get install gnuplot-nox)") })
        let indexHTML = outputDirectory.appendingPathComponent("index.html")
        let indexMarkdown = outputDirectory.appendingPathComponent("index.md")
        try FileOutput.write(page.html, to: indexHTML)
        try FileOutput.write(page.markdown, to: indexMarkdown)

        if !failures.isEmpty {
            throw .figuresFailed(specs.compactMap { failures[$0.name] })
        }
        let extensions = ["gp", "dat"] + (skipped != nil ? [] : ["png", "svg"] + (options.pdf ? ["pdf"] : []))
        return ReportSummary(
            indexHTML: indexHTML, indexMarkdown: indexMarkdown,
            figures: specs.map { spec in
                ReportSummary.Figure(name: spec.name, title: spec.title, section: spec.section,
                                     files: extensions.map { figuresDir.appendingPathComponent("\(spec.name).\($0)") })
            },
            tables: tables.map { t in
                ReportSummary.Table(name: t.name, title: t.title,
                                    markdown: tablesDir.appendingPathComponent("\(t.name).md"),
                                    csv: tablesDir.appendingPathComponent("\(t.name).csv"), rowCount: t.rows.count)
            },
            runCount: runs.count, figuresSkipped: skipped)
    }

    /// gnuplot at the explicit path (which must exist), else the first on the
    /// search path; nil when the search path has none.
    private static func locateGnuplot(_ options: ReportOptions) throws(ReportError) -> GnuplotRunner? {
        var environment = ProcessInfo.processInfo.environment
        if let path = options.searchPath { environment["PATH"] = path }
        do {
            return try GnuplotRunner.locate(explicitPath: options.gnuplotPath, environment: environment)
        } catch .gnuplotNotFound where options.gnuplotPath == nil {
            return nil
        }
    }

    private static func methodNotes(_ options: ReportOptions) -> [(title: String, text: String)] {
        let b = options.bootstrap
        let (lo, hi) = b.ranks
        return [
            ("Learning curves", "One line per optimizer / regularizer: the mean over seeds at each recorded step, "
                + "with a band from the minimum to the maximum. Against evaluations and wall time, each point sits at "
                + "the mean x of the contributing seeds. Non-finite values (and non-positive ones on log scales) are "
                + "left out. Losses and f - f* use a log scale."),
            ("Target", TargetRule.description),
            ("Performance profiles", "Dolan and Moré (2002): for each problem instance the cost of each optimizer / "
                + "regularizer is divided by the lowest cost on that instance; the curve gives the fraction of instances "
                + "whose ratio is at most tau. Missing runs and misses never reach the target; problem instances are "
                + "those of the target rule, across every problem of the grid."),
            ("Tuning", TuningSelection.description),
            ("Confidence intervals", "\(Int(((1 - b.alpha) * 100).rounded()))% percentile bootstrap of the mean over "
                + "seeds: \(b.resamples) resamples with replacement drawn from RandomStream(seed: \(b.seed), purpose: "
                + "reports/bootstrap); the bounds are the \(lo)th and \(hi)th smallest resample means."),
        ]
    }
}
