import Foundation

/// Curvature of one problem against steps, from the runs' `hessian` series
/// (measured on a fixed diagnostic batch, penalties included):
/// - the largest Hessian eigenvalue (`hessian_top_eig_1`, Lanczos), one line per
///   optimizer x regularizer (mean over seeds, min-max band), with a dashed
///   horizontal line at `2/lr` for first-order optimizers: the step size beyond
///   which gradient descent on a quadratic with that curvature diverges, where
///   full-batch training tends to hover (Cohen et al., "Gradient descent on
///   neural networks typically occurs at the edge of stability", ICLR 2021);
/// - the Hutchinson trace estimate (`hessian_trace`), mean over seeds, with
///   error bars of plus or minus the seeds' mean standard error
///   (`hessian_trace_stderr`).
/// Each figure is made only when some run of the problem records its curve.
enum CurvatureFigures {
    static let topEigenvalue = "hessian_top_eig_1"
    static let trace = "hessian_trace"
    static let traceStandardError = "hessian_trace_stderr"

    static func make(problem: ProblemKey, runs: [RunView]) -> [FigureSpec] {
        [topEigenvalueFigure(problem: problem, runs: runs), traceFigure(problem: problem, runs: runs)].compactMap { $0 }
    }

    /// Colour and dash pattern of series `i`, as `PlotStyle.lineStyle` gives them, in numbers.
    static func lineStyle(_ i: Int) -> String { "lc \(1 + i % 8) dt \(1 + (i / 8) % 5)" }

    /// A `2/lr` line: its value, the learning rate, and the blocks (series) that share it.
    struct Threshold: Equatable {
        let value: Double
        let lr: Double
        var series: [Int]

        /// Legend text, e.g. `2/lr = 20 (lr = 0.1)`.
        var label: String { "2/lr = \(TableFormat.short(value)) (lr = \(TableFormat.short(lr)))" }
    }

    static func topEigenvalueFigure(problem: ProblemKey, runs: [RunView]) -> FigureSpec? {
        let configs = Array(Set(runs.map(\.config))).sorted()
        var labels: [String] = []
        var points: [[AggregatePoint]] = []
        var thresholds: [Threshold] = []
        var adaptive: Set<String> = []
        var momentum = false, scheduled = false
        for config in configs {
            let members = runs.filter { $0.config == config }
            let p = CurveAggregate.aggregate(members, steps: { $0.hessianSteps }, x: { $0.hessianSteps?.map(Double.init) },
                                             y: { $0.hessianCurve(topEigenvalue) }, positiveOnly: false)
            guard !p.isEmpty else { continue }
            let block = points.count
            points.append(p)
            labels.append(config.label)
            let drawn = members.filter { $0.stabilityThreshold != nil }
            for lr in Set(drawn.compactMap(\.learningRate)).sorted(by: >) {
                if let k = thresholds.firstIndex(where: { $0.lr == lr }) {
                    thresholds[k].series.append(block)
                } else {
                    thresholds.append(Threshold(value: 2 / lr, lr: lr, series: [block]))
                }
            }
            // Only registry-shaped ids reach the caption: it is also the comment heading the gnuplot script.
            adaptive.formUnion(drawn.map(\.optimizerID).filter { id in
                id != "sgd" && !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            })
            if drawn.contains(where: { run in
                if case .number(let m)? = run.optimizerParams["momentum"] { return run.optimizerID == "sgd" && m > 0 }
                return false
            }) { momentum = true }
            if drawn.contains(where: { run in run.curve("lr").map { $0.min() != $0.max() } ?? false }) { scheduled = true }
        }
        guard !points.isEmpty else { return nil }
        thresholds.sort { $0.value < $1.value }

        var data = SeriesData(comment: [
            "largest Hessian eigenvalue against steps, mean over seeds with min and max",
            "columns: step, mean, min, max, runs contributing; one block per optimizer / regularizer",
        ] + (thresholds.isEmpty ? [] : ["then one block per 2/lr line (columns: step, 2/lr) spanning the plotted steps"]))
        for (label, p) in zip(labels, points) {
            data.addBlock(label: label, columns: ["step", "", "min", "max", "runs"],
                          rows: p.map { [$0.x, $0.mean, $0.min, $0.max, Double($0.count)] })
        }
        let xs = points.flatMap { $0.map(\.x) }
        // A single measured step sits in the middle of a two-step wide axis.
        let (first, last) = (xs.min()!, xs.max()!)
        let (x0, x1) = last > first ? (first, last) : (first - 1, last + 1)
        for t in thresholds {
            data.addBlock(label: t.label, columns: ["step", ""], rows: [[x0, t.value], [x1, t.value]])
        }
        let ys = points.flatMap { $0.flatMap { [$0.min, $0.max] } } + thresholds.map(\.value)
        let (logY, yRange) = valueRange(ys)
        let n = points.count
        let longest = points.map(\.count).max()!
        var plot = """
            plot for [i=0:N-1] datafile index i using 1:3:4 with filledcurves fs transparent solid 0.15 noborder \(PlotStyle.fillColour) notitle, \\
                 for [i=0:N-1] datafile index i using 1:2 with linespoints pi \(PlotStyle.pointInterval(longest: longest)) ps 0.7 lw 1.5 \(PlotStyle.lineStyle) title columnheader(2)
            """
        for (j, t) in thresholds.enumerated() {
            // A threshold shared by several series is drawn in grey; alone, in its series' colour.
            let colour = t.series.count == 1 ? "lc \(1 + t.series[0] % 8)" : "lc rgb '#505050'"
            plot += ", \\\n     datafile index \(n + j) using 1:2 with lines dt 2 lw 1.5 \(colour) title columnheader(2)"
        }
        let body = PlotStyle.preamble(xLabel: "step", yLabel: "largest Hessian eigenvalue" + (logY ? " (log scale)" : ""),
                                      logY: logY) + """

            set xrange [\(x0):\(x1)]
            set yrange \(yRange)
            N = \(n)
            \(plot)
            """
        var caption = "largest eigenvalue of the Hessian of the training objective (penalties included) on a fixed "
            + "diagnostic batch, by Lanczos, against steps; lines are means over seeds, bands span min to max"
        if !thresholds.isEmpty {
            caption += ". Dashed lines mark 2/lr (lr from optimizer_params) for first-order optimizers: the edge of "
                + "stability of gradient descent, beyond which a quadratic with that curvature makes it diverge and "
                + "around which full-batch training tends to hover (Cohen et al. 2021)"
            var caveats: [String] = []
            if !adaptive.isEmpty {
                caveats.append("for adaptive methods (\(adaptive.sorted().joined(separator: ", "))): their steps are "
                    + "preconditioned, so their stability limit concerns the preconditioned Hessian (Cohen et al. 2022)")
            }
            if momentum { caveats.append("for SGD with momentum beta, whose heavy-ball threshold is (2 + 2 beta)/lr") }
            if scheduled { caveats.append("where a schedule changes lr during training (the line uses the base lr)") }
            if !caveats.isEmpty {
                caption += ". The line is only indicative " + caveats.joined(separator: "; and ")
            }
        }
        return FigureSpec(
            name: Slug.make(prefix: "hessian", words: "top-eig \(problem.label)",
                            identity: Slug.identity("hessian", problem.model, problem.dataset, topEigenvalue)),
            title: "Largest Hessian eigenvalue vs steps: \(problem.label)",
            section: problem.label, caption: caption,
            body: body, data: data.text, width: PlotStyle.width,
            height: PlotStyle.height(series: n + thresholds.count, longestLabel: data.longestLabel))
    }

    static func traceFigure(problem: ProblemKey, runs: [RunView]) -> FigureSpec? {
        let configs = Array(Set(runs.map(\.config))).sorted()
        var data = SeriesData(comment: [
            "Hutchinson estimate of the Hessian trace against steps, mean over seeds",
            "columns: step, mean, mean - se, mean + se, se, runs contributing; se = mean over seeds of the",
            "per-run standard error; one block per optimizer / regularizer",
        ])
        // Trace and standard error enter together: a point counts only where both are finite.
        func paired(_ run: RunView, first: Bool) -> [Double]? {
            guard let t = run.hessianCurve(trace), let e = run.hessianCurve(traceStandardError) else { return nil }
            return zip(t, e).map { $0.isFinite && $1.isFinite ? (first ? $0 : $1) : .nan }
        }
        var ys: [Double] = []
        var stepsDrawn: [Double] = []
        for config in configs {
            let members = runs.filter { $0.config == config }
            let x: (RunView) -> [Double]? = { $0.hessianSteps?.map(Double.init) }
            let t = CurveAggregate.aggregate(members, steps: { $0.hessianSteps }, x: x,
                                             y: { paired($0, first: true) }, positiveOnly: false)
            let e = CurveAggregate.aggregate(members, steps: { $0.hessianSteps }, x: x,
                                             y: { paired($0, first: false) }, positiveOnly: false)
            guard !t.isEmpty else { continue }
            precondition(t.count == e.count, "trace and standard error share their points")
            let rows = zip(t, e).map { [$0.x, $0.mean, $0.mean - $1.mean, $0.mean + $1.mean, $1.mean, Double($0.count)] }
            ys += rows.flatMap { [$0[2], $0[3]] }
            stepsDrawn += rows.map { $0[0] }
            data.addBlock(label: config.label, columns: ["step", "", "low", "high", "se", "runs"], rows: rows)
        }
        guard data.blockCount > 0 else { return nil }
        let n = data.blockCount
        let (_, yRange) = valueRange(ys, allowLog: false)
        // Error bars at the first and last steps stay clear of the plot's edges.
        let x0 = stepsDrawn.min()!, x1 = stepsDrawn.max()!
        let pad = x1 > x0 ? 0.02 * (x1 - x0) : 1
        let body = PlotStyle.preamble(xLabel: "step", yLabel: "Hessian trace (Hutchinson estimate)", logY: false) + """

            set xrange [\(x0 - pad):\(x1 + pad)]
            set yrange \(yRange)
            set bars small
            N = \(n)
            plot for [i=0:N-1] datafile index i using 1:2:3:4 with yerrorlines ps 0.6 lw 1.5 \(PlotStyle.lineStyle) title columnheader(2)
            """
        return FigureSpec(
            name: Slug.make(prefix: "hessian", words: "trace \(problem.label)",
                            identity: Slug.identity("hessian", problem.model, problem.dataset, trace)),
            title: "Hessian trace (Hutchinson) vs steps: \(problem.label)",
            section: problem.label,
            caption: "trace of the Hessian of the training objective on a fixed diagnostic batch, Hutchinson estimate "
                + "with Rademacher probes, against steps; lines are means over seeds, error bars span plus or minus "
                + "the seeds' mean standard error of the estimate",
            body: body, data: data.text, width: PlotStyle.width,
            height: PlotStyle.height(series: n, longestLabel: data.longestLabel))
    }

    /// A y range around `values` with a small margin, and whether it is drawn on a
    /// log scale: when every value is positive and they span more than a factor 30.
    static func valueRange(_ values: [Double], allowLog: Bool = true) -> (log: Bool, range: String) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (false, "[*:*]") }
        if allowLog && lo > 0 && hi / lo > 30 {
            let pad = pow(min(hi / lo, 1e200), 0.05)
            return (true, "[\(lo / pad):\(hi * pad)]")
        }
        let span = hi > lo ? hi - lo : max(abs(hi) * 0.1, 1e-9)
        return (false, "[\(lo - 0.06 * span):\(hi + 0.06 * span)]")
    }
}
