/// Models side by side: for each data set on which the grid trains more than one
/// model, the validation metric (accuracy when recorded, else loss) and the
/// training loss against steps and against wall time, one line per model x
/// optimizer x regularizer (mean over seeds, min-max band). Per-problem figures
/// never put two models on one plot, and a model-size question needs exactly that:
/// equal steps and equal time are read off the same figure.
enum ModelComparisonFigures {
    static func make(runs: [RunView]) -> [FigureSpec] {
        let datasets = Array(Set(runs.map(\.problem.dataset))).filter { !$0.isEmpty }.sorted()
        var figures: [FigureSpec] = []
        for dataset in datasets {
            let members = runs.filter { $0.problem.dataset == dataset }
            let problems = Array(Set(members.map(\.problem))).sorted()
            guard problems.count > 1 else { continue }
            let keys = Array(Set(members.map { KeyPair(problem: $0.problem, config: $0.config) })).sorted()
            let groups = keys.map { key in
                (label: "\(key.problem.model) / \(key.config.label)",
                 runs: members.filter { $0.problem == key.problem && $0.config == key.config })
            }
            let validation: Metric = members.contains { $0.curve(Metric.valAccuracy.rawValue) != nil } ? .valAccuracy : .valLoss
            for metric in [validation, .trainLoss] {
                for axis in [XAxis.step, .wallTime] {
                    let identity = Slug.identity("models", dataset, metric.rawValue, axis.rawValue)
                    let section = "Models compared on \(dataset)"
                    if let f = LearningCurveFigures.figure(
                        metric: metric, axis: axis, groups: groups,
                        name: Slug.make(prefix: "models", words: "\(metric.rawValue) \(axis.rawValue) \(dataset)", identity: identity),
                        title: "\(metric.label) vs \(axis.shortName), all models: \(dataset)", section: section) {
                        figures.append(f)
                    }
                }
            }
        }
        return figures
    }

    private struct KeyPair: Hashable, Comparable {
        let problem: ProblemKey
        let config: ConfigKey
        static func < (a: KeyPair, b: KeyPair) -> Bool { (a.problem, a.config) < (b.problem, b.config) }
    }
}
