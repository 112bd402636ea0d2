import Foundation

/// Learning-rate sensitivity of one problem: the final loss used by the tuning
/// rule (see `TuningSelection`) against `lr`, one line per optimizer x
/// regularizer x the other optimizer parameters. Points are means over the
/// seeds with a finite final value, with min-max error bars; circles mark the
/// variant the tuning rule selects, and crosses along the top edge mark learning
/// rates with a non-finite final value on some seed (usually divergence).
enum SensitivityFigure {
    static func make(problem: ProblemKey, tuning: TuningSelection) -> FigureSpec? {
        let groups = tuning.groups.filter { $0.key.problem == problem }
        var data = SeriesData(comment: [
            "final loss against the learning rate, mean over seeds with min and max",
            "columns: lr, mean, min, max, seeds with a finite final value, 1 if selected by the tuning rule else 0,",
            "seeds with a non-finite final value",
        ])
        var allPositive = true
        var learningRates = Set<Double>()
        var plotted: [Double] = []
        var hasNonFinite = false
        for group in groups {
            var lines: [String: [[Double]]] = [:]
            for (index, variant) in group.variants.enumerated() {
                guard case .number(let lr)? = variant.params["lr"], lr > 0 else { continue }
                let finite = variant.finals.filter(\.isFinite)
                learningRates.insert(lr)
                plotted += finite
                if finite.count < variant.finals.count { hasNonFinite = true }
                if finite.contains(where: { $0 <= 0 }) { allPositive = false }
                let mean = SampleStatistics.mean(finite) ?? .nan
                let others = variant.params.keys.sorted().filter { $0 != "lr" }
                    .map { "\($0)=\(variant.params[$0]!.text)" }.joined(separator: ", ")
                lines[others, default: []].append([lr, mean, finite.min() ?? .nan, finite.max() ?? .nan,
                                                   Double(finite.count), index == group.bestIndex ? 1 : 0,
                                                   Double(variant.finals.count - finite.count)])
            }
            for others in lines.keys.sorted() {
                let name = others.isEmpty ? group.key.optimizerID : "\(group.key.optimizerID)(\(others))"
                data.addBlock(label: "\(name) / \(group.key.regularizer)",
                              columns: ["lr", "", "min", "max", "seeds", "selected", "nonfinite"],
                              rows: lines[others]!.sorted { $0[0] < $1[0] })
            }
        }
        // One learning rate is a point, not a sensitivity.
        guard data.blockCount > 0, learningRates.count >= 2 else { return nil }
        let metrics = Set(groups.map(\.metric))
        let yLabel = metrics == [.valLoss] ? "final validation loss"
            : metrics == [.trainLoss] ? "final training loss" : "final loss (validation, else training)"
        let n = data.blockCount
        // The y range is set from the data: gnuplot cannot autoscale a single point,
        // and crosses for non-finite finals sit in a band just above the highest value.
        // Only the plotted values set the range: variants without a learning rate are not drawn.
        let lo = plotted.min() ?? 1, hi = plotted.max() ?? 1
        let top: Double, yRange: String
        if allPositive {
            // Finals can be as small as subnormals (f - f* on test functions): keep the
            // span finite so the range stays a pair of positive, finite numbers.
            let floor = max(lo, hi * 1e-200, 1e-300)
            let span = min(max(hi / floor, 1.5), 1e200)
            top = hi * pow(span, 0.12)
            yRange = "[\(floor / pow(span, 0.08)):\(hasNonFinite ? top * pow(span, 0.06) : hi * pow(span, 0.08))]"
        } else {
            let span = max(hi - lo, 1e-9 + abs(hi) * 0.1)
            top = hi + 0.12 * span
            yRange = "[\(lo - 0.08 * span):\(hasNonFinite ? top + 0.06 * span : hi + 0.08 * span)]"
        }
        var plot = """
            plot for [i=0:N-1] datafile index i using 1:2:3:4 with yerrorlines ps 0.8 lw 1.5 \(PlotStyle.lineStyle) title columnheader(2), \\
                 for [i=0:N-1] datafile index i using 1:($6 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb '#000000' title (i == 0 ? 'selected by the tuning rule' : '')
            """
        if hasNonFinite {
            plot += """
                , \\
                     for [i=0:N-1] datafile index i using 1:($7 > 0 ? \(top) : NaN) with points pt 2 ps 1.5 lw 1.5 \(PlotStyle.fillColour) title (i == 0 ? 'non-finite final value on some seed (drawn at the top)' : '')
                """
        }
        let body = PlotStyle.preamble(xLabel: "learning rate lr (log scale)", yLabel: yLabel + (allPositive ? " (log scale)" : ""),
                                      logY: allPositive, logX: true) + """

            set offsets graph 0.05, graph 0.05, 0, 0
            set yrange \(yRange)
            N = \(n)
            \(plot)
            """
        return FigureSpec(
            name: Slug.make(prefix: "sensitivity", words: problem.label,
                            identity: Slug.identity("sensitivity", problem.model, problem.dataset)),
            title: "Learning-rate sensitivity: \(problem.label)",
            section: problem.label,
            caption: "final loss against the learning rate; points are means over seeds, bars span min to max, circles mark the tuned choice",
            body: body, data: data.text, width: PlotStyle.width,
            height: PlotStyle.height(series: n + 1, longestLabel: data.longestLabel))
    }
}
