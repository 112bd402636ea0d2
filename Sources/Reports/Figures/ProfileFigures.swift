/// Performance profiles (`PerformanceProfile`) over every problem instance of
/// the grid (see `TargetRule`), with optimizer x regularizer as the solvers: one
/// figure each for steps, evaluations and wall time to reach the target. A
/// missing run or a miss counts as never reached.
enum ProfileFigures {
    enum Cost: String, CaseIterable {
        case steps, evaluations, seconds = "wall time"

        func of(_ outcome: TargetRule.Outcome) -> Double? {
            switch self {
            case .steps: return outcome.steps
            case .evaluations: return outcome.evaluations
            case .seconds: return outcome.seconds
            }
        }
    }

    /// The cost matrix rows = instances, columns = configurations.
    static func costs(_ cost: Cost, runs: [RunView], outcomes: [TargetRule.Outcome],
                      instances: [TargetRule.Instance], configs: [ConfigKey]) -> [[Double?]] {
        let instanceIndex = Dictionary(uniqueKeysWithValues: instances.enumerated().map { ($1, $0) })
        let configIndex = Dictionary(uniqueKeysWithValues: configs.enumerated().map { ($1, $0) })
        var matrix = [[Double?]](repeating: [Double?](repeating: nil, count: configs.count), count: instances.count)
        for (run, outcome) in zip(runs, outcomes) {
            let p = instanceIndex[TargetRule.instance(run)]!, s = configIndex[run.config]!
            guard let t = cost.of(outcome) else { continue }
            // Duplicate runs of one cell keep their lowest cost.
            matrix[p][s] = min(matrix[p][s] ?? .infinity, t)
        }
        return matrix
    }

    static func make(runs: [RunView], outcomes: [TargetRule.Outcome]) -> [FigureSpec] {
        let instances = Array(Set(runs.map(TargetRule.instance))).sorted()
        let configs = Array(Set(runs.map(\.config))).sorted()
        var figures: [FigureSpec] = []
        for cost in Cost.allCases {
            if cost == .evaluations && !runs.contains(where: { $0.evaluations != nil }) { continue }
            if cost == .seconds && !runs.contains(where: { $0.wallTime != nil }) { continue }
            let profile = PerformanceProfile(costs: costs(cost, runs: runs, outcomes: outcomes,
                                                          instances: instances, configs: configs))
            var data = SeriesData(comment: [
                "performance profile of \(cost.rawValue) to target over \(instances.count) problem instances",
                "columns: tau, fraction of instances with ratio <= tau; one block per optimizer / regularizer",
            ])
            for (s, config) in configs.enumerated() {
                data.addBlock(label: config.label, columns: ["tau", ""],
                              rows: profile.steps(solver: s).map { [$0.tau, $0.rho] })
            }
            let n = data.blockCount
            let body = PlotStyle.preamble(xLabel: "performance ratio tau (cost / lowest cost on the instance, log2 scale)",
                                          yLabel: "fraction of problem instances with ratio <= tau", logY: false) + """

                set logscale x 2
                set mxtics 4
                set grid xtics mxtics ytics lc rgb '#d0d0d0', lc rgb '#eeeeee'
                set format x '%g'
                set xrange [1:\(profile.tauMax)]
                set yrange [0:1.05]
                N = \(n)
                plot for [i=0:N-1] datafile index i using 1:2 with steps lw 2 \(PlotStyle.lineStyle) title columnheader(2)
                """
            figures.append(FigureSpec(
                name: Slug.make(prefix: "profile", words: cost.rawValue, identity: Slug.identity("profile", cost.rawValue)),
                title: "Performance profile: \(cost.rawValue) to target (\(instances.count) problem instances)",
                section: "All problems",
                caption: "Dolan-Moré performance profile of \(cost.rawValue) to reach the target; misses never reach it",
                body: body, data: data.text, width: PlotStyle.width,
                height: PlotStyle.height(series: n, longestLabel: data.longestLabel)))
        }
        return figures
    }
}
