/// Learning curves of one problem: each recorded metric against steps,
/// evaluations and wall time; one line per optimizer x regularizer, the mean
/// over seeds with a min-max band (see `CurveAggregate`); losses and f - f* on
/// a log scale.
enum LearningCurveFigures {
    static func make(problem: ProblemKey, runs: [RunView]) -> [FigureSpec] {
        let configs = Array(Set(runs.map(\.config))).sorted()
        let groups = configs.map { config in (label: config.label, runs: runs.filter { $0.config == config }) }
        var metrics = Metric.allCases.filter { m in runs.contains { $0.curve(m.rawValue) != nil } }
        if metrics.contains(.fMinusFStar) { metrics.removeAll { $0 == .trainLoss } }
        var figures: [FigureSpec] = []
        for metric in metrics {
            for axis in XAxis.allCases where runs.contains(where: { $0.xValues(axis) != nil }) {
                let identity = Slug.identity("curve", problem.model, problem.dataset, metric.rawValue, axis.rawValue)
                if let f = figure(metric: metric, axis: axis, groups: groups,
                                  name: Slug.make(prefix: "curve", words: "\(metric.rawValue) \(axis.rawValue) \(problem.label)",
                                                  identity: identity),
                                  title: "\(metric.label) vs \(axis.shortName): \(problem.label)", section: problem.label) {
                    figures.append(f)
                }
            }
        }
        return figures
    }

    /// One figure of `metric` against `axis`: a line per group (the mean over the
    /// group's runs with a min-max band), or nil when no group has points.
    static func figure(metric: Metric, axis: XAxis, groups: [(label: String, runs: [RunView])],
                       name: String, title: String, section: String) -> FigureSpec? {
        var data = SeriesData(comment: [
            "\(metric.label) against \(axis.shortName), mean over seeds with min and max",
            "columns: x, mean, min, max, runs contributing; one block per line",
        ])
        var longest = 0
        var xs: [Double] = []
        for group in groups {
            let points = CurveAggregate.aggregate(group.runs, x: { $0.xValues(axis) },
                                                  y: { $0.curve(metric.rawValue) },
                                                  positiveOnly: metric.logScale)
            guard !points.isEmpty else { continue }
            longest = max(longest, points.count)
            xs += points.map(\.x)
            data.addBlock(label: group.label, columns: ["x", "", "min", "max", "runs"],
                          rows: points.map { [$0.x, $0.mean, $0.min, $0.max, Double($0.count)] })
        }
        guard data.blockCount > 0 else { return nil }
        let n = data.blockCount
        let yLabel = metric.label + (metric.logScale ? " (log scale)" : "")
        // Steps, evaluations and seconds start at 0; a single x value gets a unit range.
        let xRange = xs.min()! < 0 ? "" : xs.max()! > 0 ? "set xrange [0:*]" : "set xrange [0:1]"
        let body = PlotStyle.preamble(xLabel: axis.label, yLabel: yLabel, logY: metric.logScale) + """

            \(xRange)
            N = \(n)
            plot for [i=0:N-1] datafile index i using 1:3:4 with filledcurves fs transparent solid 0.15 noborder \(PlotStyle.fillColour) notitle, \\
                 for [i=0:N-1] datafile index i using 1:2 with linespoints pi \(PlotStyle.pointInterval(longest: longest)) ps 0.7 lw 1.5 \(PlotStyle.lineStyle) title columnheader(2)
            """
        return FigureSpec(
            name: name, title: title, section: section,
            caption: "\(metric.label) against \(axis.shortName); lines are means over seeds, bands span min to max",
            body: body, data: data.text, width: PlotStyle.width,
            height: PlotStyle.height(series: n, longestLabel: data.longestLabel))
    }
}
