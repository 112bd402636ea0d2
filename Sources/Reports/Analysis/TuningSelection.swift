/// The tuning view: the best hyperparameters of each optimizer.
///
/// Runs are grouped by problem, regularizer and `optimizer_id`; within a group,
/// variants are the distinct `optimizer_params` (canonical JSON). The score of a
/// variant is the mean over its seeds of the final validation loss (the final
/// training loss when no run of the group records a validation loss). A variant
/// with any seed whose final value is missing or not finite (for example a
/// diverged run) scores +infinity. The best variant has the lowest score; ties
/// go to the smaller sample standard deviation over seeds, then to the
/// lexicographically smallest `optimizer_params` text.
struct TuningSelection: Sendable {
    static let description = """
        Runs are grouped by problem, regularizer and optimizer_id; the variants of a group are its distinct \
        optimizer_params. Score = mean over seeds of the final validation loss (final training loss when the group \
        has no validation loss); a variant with any missing or non-finite final value (e.g. diverged) scores +inf. \
        Best = lowest score; ties are broken by the smaller standard deviation over seeds (a variant with one \
        seed, or a non-finite score, ranks after any finite spread), then by the lexicographically smallest \
        optimizer_params.
        """

    struct GroupKey: Hashable, Comparable, Sendable {
        let problem: ProblemKey
        let regularizer: String
        let optimizerID: String
        static func < (a: GroupKey, b: GroupKey) -> Bool {
            (a.problem, a.regularizer, a.optimizerID) < (b.problem, b.regularizer, b.optimizerID)
        }
    }

    struct Variant: Sendable {
        let paramsJSON: String
        let params: [String: ParamValue]
        let optimizerLabel: String
        /// Final values, one per run (non-finite values kept).
        let finals: [Double]
        let score: Double
        let standardDeviation: Double?
    }

    struct Group: Sendable {
        let key: GroupKey
        let metric: Metric
        /// Sorted by `paramsJSON`.
        let variants: [Variant]
        let bestIndex: Int
        var best: Variant { variants[bestIndex] }
    }

    let groups: [Group]

    /// Groups `runs` and picks each group's best variant.
    init(runs: [RunView]) {
        var members: [GroupKey: [RunView]] = [:]
        for run in runs {
            let key = GroupKey(problem: run.problem, regularizer: run.config.regularizer, optimizerID: run.optimizerID)
            members[key, default: []].append(run)
        }
        groups = members.keys.sorted().map { key in
            let groupRuns = members[key]!
            let metric: Metric = groupRuns.contains { $0.curve(Metric.valLoss.rawValue) != nil } ? .valLoss : .trainLoss
            var byParams: [String: [RunView]] = [:]
            for run in groupRuns { byParams[run.optimizerParamsJSON, default: []].append(run) }
            let variants = byParams.keys.sorted().map { json -> Variant in
                let vr = byParams[json]!
                let finals = vr.map { $0.final(metric.rawValue) ?? .nan }
                let allFinite = finals.allSatisfy(\.isFinite)
                let score = allFinite ? SampleStatistics.mean(finals)! : .infinity
                let sd = allFinite ? SampleStatistics.standardDeviation(finals) : nil
                return Variant(paramsJSON: json, params: vr[0].optimizerParams,
                               optimizerLabel: vr[0].config.optimizer, finals: finals, score: score,
                               standardDeviation: sd)
            }
            var best = 0
            for i in variants.indices.dropFirst() where TuningSelection.isBetter(variants[i], than: variants[best]) {
                best = i
            }
            return Group(key: key, metric: metric, variants: variants, bestIndex: best)
        }
    }

    /// The stated order: score, then standard deviation (a missing one counts as
    /// +inf), then parameter text (variants arrive sorted, so an earlier one wins).
    static func isBetter(_ a: Variant, than b: Variant) -> Bool {
        if a.score != b.score { return a.score < b.score }
        let sa = a.standardDeviation ?? .infinity, sb = b.standardDeviation ?? .infinity
        if sa != sb { return sa < sb }
        return a.paramsJSON < b.paramsJSON
    }
}
