/// Optimizer diagnostics of one problem, drawn for the counters that runs
/// recorded: cumulative skipped updates, damped updates, trust-region
/// rejections and clipped gradients against steps, and line-search evaluations per step (the increase
/// of the cumulative counter divided by the steps between evaluation points).
/// One line per optimizer x regularizer that records the counter: mean over
/// seeds with a min-max band.
enum DiagnosticFigures {
    private struct Diagnostic {
        let curve: String
        let label: String
        let perStep: Bool
    }

    private static let diagnostics = [
        Diagnostic(curve: "skipped_updates", label: "skipped updates (cumulative)", perStep: false),
        Diagnostic(curve: "damped_updates", label: "damped updates (cumulative)", perStep: false),
        Diagnostic(curve: "tr_rejections", label: "trust-region rejections (cumulative)", perStep: false),
        Diagnostic(curve: "line_search_evals", label: "line-search evaluations per step", perStep: true),
        Diagnostic(curve: "clipped_gradients", label: "gradient evaluations changed by clipping (cumulative)", perStep: false),
    ]

    static func make(problem: ProblemKey, runs: [RunView]) -> [FigureSpec] {
        let configs = Array(Set(runs.map(\.config))).sorted()
        var figures: [FigureSpec] = []
        for diagnostic in diagnostics {
            var data = SeriesData(comment: [
                "\(diagnostic.label) against steps, mean over seeds with min and max",
                "columns: step, mean, min, max, runs contributing; one block per optimizer / regularizer",
            ])
            var longest = 0
            for config in configs {
                let members = runs.filter { $0.config == config && $0.curve(diagnostic.curve) != nil }
                let y: (RunView) -> [Double]? = diagnostic.perStep
                    ? { run in run.curve(diagnostic.curve).map { perStep($0, steps: run.record.steps) } }
                    : { $0.curve(diagnostic.curve) }
                let points = CurveAggregate.aggregate(members, x: { $0.xValues(.step) }, y: y, positiveOnly: false)
                guard !points.isEmpty else { continue }
                longest = max(longest, points.count)
                data.addBlock(label: config.label, columns: ["step", "", "min", "max", "runs"],
                              rows: points.map { [$0.x, $0.mean, $0.min, $0.max, Double($0.count)] })
            }
            guard data.blockCount > 0 else { continue }
            let n = data.blockCount
            let body = PlotStyle.preamble(xLabel: "step", yLabel: diagnostic.label, logY: false) + """

                set yrange [0:*]
                N = \(n)
                plot for [i=0:N-1] datafile index i using 1:3:4 with filledcurves fs transparent solid 0.15 noborder \(PlotStyle.fillColour) notitle, \\
                     for [i=0:N-1] datafile index i using 1:2 with linespoints pi \(PlotStyle.pointInterval(longest: longest)) ps 0.7 lw 1.5 \(PlotStyle.lineStyle) title columnheader(2)
                """
            figures.append(FigureSpec(
                name: Slug.make(prefix: "diag", words: "\(diagnostic.curve) \(problem.label)",
                                identity: Slug.identity("diag", problem.model, problem.dataset, diagnostic.curve)),
                title: "\(diagnostic.label): \(problem.label)",
                section: problem.label,
                caption: "\(diagnostic.label) against steps; lines are means over seeds, bands span min to max",
                body: body, data: data.text, width: PlotStyle.width,
                height: PlotStyle.height(series: n, longestLabel: data.longestLabel)))
        }
        return figures
    }

    /// Increments of a cumulative counter per step between consecutive evaluation
    /// points; the first point divides by its own step (NaN at step 0).
    static func perStep(_ cumulative: [Double], steps: [Int64]) -> [Double] {
        cumulative.indices.map { i in
            let dc = i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1]
            let ds = Double(i == 0 ? steps[0] : steps[i] - steps[i - 1])
            return ds > 0 ? dc / ds : .nan
        }
    }
}
