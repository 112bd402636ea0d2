/// Heat map of one problem's final metric: optimizers (with parameters) as rows
/// from top to bottom in sorted order, regularizers as columns; each cell is the
/// mean over seeds of the finite final values, printed in the cell; grey cells
/// have no finite value. The metric is validation accuracy when recorded, else
/// validation loss, else f - f* (colour on a log scale), else training loss.
enum HeatmapFigure {
    static func make(problem: ProblemKey, runs: [RunView]) -> FigureSpec? {
        let candidates: [Metric] = [.valAccuracy, .valLoss, .fMinusFStar, .trainLoss]
        guard let metric = candidates.first(where: { m in runs.contains { $0.curve(m.rawValue) != nil } }) else {
            return nil
        }
        let rows = Array(Set(runs.map(\.config.optimizer))).sorted()
        let columns = Array(Set(runs.map(\.config.regularizer))).sorted()
        var text = "# final \(metric.rawValue), mean over seeds with a finite final value\n"
        text += "# columns: column index, row index, mean (NaN when none), cell text, regularizer, optimizer\n"
        var values: [Double] = []
        for (r, optimizer) in rows.enumerated() {
            for (c, regularizer) in columns.enumerated() {
                let finals = runs.filter { $0.config.optimizer == optimizer && $0.config.regularizer == regularizer }
                    .compactMap { $0.final(metric.rawValue) }.filter(\.isFinite)
                let mean = SampleStatistics.mean(finals)
                if let mean { values.append(mean) }
                let cell = mean.map { TableFormat.short($0) } ?? "n/a"
                text += [SeriesData.number(Double(c)), SeriesData.number(Double(r)), SeriesData.number(mean ?? .nan),
                         TextEscaping.gnuplotDataString(cell), TextEscaping.gnuplotDataString(regularizer),
                         TextEscaping.gnuplotDataString(optimizer)].joined(separator: " ") + "\n"
            }
        }
        let logColour = metric == .fMinusFStar && !values.isEmpty && values.allSatisfy { $0 > 0 }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if lo == hi {
            if logColour { lo /= 2; hi *= 2 } else { let d = max(abs(lo) * 0.05, 1e-9); lo -= d; hi += d }
        }
        let body = """
            set xrange [-0.5:\(Double(columns.count) - 0.5)]
            set yrange [\(Double(rows.count) - 0.5):-0.5]
            \(columns.count > 4 ? "set xtics scale 0 rotate by -25 left" : "set xtics scale 0")
            set ytics scale 0
            set xlabel 'regularizer'
            set ylabel 'optimizer'
            set cblabel \(PlotStyle.quote("final " + metric.label + " (mean over seeds)"))
            set cbrange [\(lo):\(hi)]
            \(logColour ? "set logscale cb\nset format cb '%g'" : "")
            set palette defined (0 '#fff7bc', 0.5 '#a1dab4', 1 '#41b6c4')
            set style fill solid 1.0 noborder
            set object 1 rect from graph 0,0 to graph 1,1 back fc rgb '#d9d9d9' fs solid 1.0 noborder
            unset key
            plot datafile using 1:($3 == $3 ? $2 : NaN):(0.5):(0.5):3 with boxxyerror fc palette, \\
                 '' using 1:2:4:xtic(5):ytic(6) with labels font 'Sans,10'
            """
        let width = max(640, 330 + 150 * columns.count)
        let height = max(420, 200 + 48 * rows.count)
        return FigureSpec(
            name: Slug.make(prefix: "heatmap", words: problem.label,
                            identity: Slug.identity("heatmap", problem.model, problem.dataset)),
            title: "Final \(metric.label): \(problem.label)",
            section: problem.label,
            caption: "final \(metric.label) (mean over seeds), optimizer by regularizer",
            body: body, data: text, width: width, height: height)
    }
}
