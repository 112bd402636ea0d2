/// Hessian spectral density of one problem (from the runs' `hessian_density`
/// series, stochastic Lanczos quadrature): for each optimizer x regularizer, the
/// Gaussian-smoothed density (`SpectralSmoothing`) at its last measured step as
/// a solid line, and at its first measured step as a thin dashed line of the
/// same colour. Seeds are averaged: the curve at a step is the mean of the
/// smoothed densities of the runs measured at that step. The y axis is
/// logarithmic with values below `floor` drawn at the floor, so that outlying
/// eigenvalues of small weight stay visible next to the bulk.
enum DensityFigure {
    /// Lowest density drawn.
    static let floor = 1e-8

    /// A configuration's densities at its first and last measured steps.
    private struct Group {
        let label: String
        let first: (step: Int64, runs: [DensitySnapshot])
        let last: (step: Int64, runs: [DensitySnapshot])
    }

    static func make(problem: ProblemKey, runs: [RunView]) -> FigureSpec? {
        let configs = Array(Set(runs.map(\.config))).sorted()
        var groups: [Group] = []
        for config in configs {
            let snapshots = runs.filter { $0.config == config }.map(\.densitySnapshots).filter { !$0.isEmpty }
            let all = snapshots.flatMap { $0 }
            guard let firstStep = all.map(\.step).min(), let lastStep = all.map(\.step).max() else { continue }
            groups.append(Group(label: config.label,
                                first: (firstStep, all.filter { $0.step == firstStep }),
                                last: (lastStep, all.filter { $0.step == lastStep })))
        }
        guard !groups.isEmpty else { return nil }
        let nodes = groups.flatMap { $0.first.runs.flatMap(\.nodes) + $0.last.runs.flatMap(\.nodes) }
        let (sigma, grid) = SpectralSmoothing.grid(lo: nodes.min()!, hi: nodes.max()!)

        func mean(_ runs: [DensitySnapshot]) -> [Double] {
            var sum = [Double](repeating: 0, count: grid.count)
            for run in runs {
                let d = SpectralSmoothing.density(nodes: run.nodes, weights: run.weights, grid: grid, sigma: sigma)
                for k in sum.indices { sum[k] += d[k] }
            }
            return sum.map { max(floor, $0 / Double(runs.count)) }
        }

        var data = SeriesData(comment: [
            "Hessian spectral density (stochastic Lanczos quadrature), Gaussian-smoothed with sigma = \(sigma)",
            "(1% of the node range) on \(grid.count) points; mean over the runs measured at the step; values below",
            "\(floor) are set to \(floor). columns: eigenvalue, density, runs; per optimizer / regularizer one block at",
            "the last measured step, then one at the first when it differs",
        ])
        var plot: [String] = []
        var anyFirst = false
        for (i, group) in groups.enumerated() {
            let style = CurvatureFigures.lineStyle(i)
            let last = mean(group.last.runs)
            data.addBlock(label: "\(group.label), step \(group.last.step)", columns: ["eigenvalue", "", "runs"],
                          rows: zip(grid, last).map { [$0, $1, Double(group.last.runs.count)] })
            plot.append("datafile index \(data.blockCount - 1) using 1:2 with lines lw 2 \(style) title columnheader(2)")
            guard group.first.step != group.last.step else { continue }
            anyFirst = true
            let first = mean(group.first.runs)
            data.addBlock(label: "\(group.label), step \(group.first.step)", columns: ["eigenvalue", "", "runs"],
                          rows: zip(grid, first).map { [$0, $1, Double(group.first.runs.count)] })
            plot.append("datafile index \(data.blockCount - 1) using 1:2 with lines lw 1 lc \(1 + i % 8) dt 2 notitle")
        }
        if anyFirst {
            plot.append("NaN with lines lw 1 dt 2 lc rgb '#000000' title 'dashed, same colour: first measured step'")
        }
        let body = PlotStyle.preamble(xLabel: "eigenvalue", yLabel: "spectral density (log scale)", logY: true) + """

            set xrange [\(grid.first!):\(grid.last!)]
            set yrange [\(floor):*]
            plot \(plot.joined(separator: ", \\\n     "))
            """
        return FigureSpec(
            name: Slug.make(prefix: "hessian", words: "density \(problem.label)",
                            identity: Slug.identity("hessian", problem.model, problem.dataset, "density")),
            title: "Hessian spectral density: \(problem.label)",
            section: problem.label,
            caption: "spectral density of the Hessian of the training objective on a fixed diagnostic batch, by "
                + "stochastic Lanczos quadrature (Ghorbani et al. 2019), smoothed with a Gaussian of width 1% of the "
                + "eigenvalue range on a \(SpectralSmoothing.points)-point grid and averaged over seeds; solid lines "
                + "at each configuration's last measured step" + (anyFirst ? ", dashed at its first" : "")
                + "; log scale with a floor of 1e-8",
            body: body, data: data.text, width: PlotStyle.width,
            height: PlotStyle.height(series: groups.count + 1, longestLabel: data.longestLabel))
    }
}
