import Recording

/// When a run counts as having reached its target, and at what cost.
///
/// Problem instances are (model, data set, seed): every seed is its own instance.
/// - Test functions (the run records `f_minus_fstar`): the target is
///   `f - f* <= 1e-6 * max(1, f0 - f*)`, with `f0 - f*` the run's first
///   recorded gap (Moré and Wild, 2009, use the same relative form).
/// - Learning tasks: on each instance, let `L` be `train_loss` (the training-set
///   data loss, which every optimizer is minimizing; `val_loss` only when no run
///   of the instance records a training loss), `best` the lowest final `L` of any
///   run of the instance, and `init` the median first value of `L`. The target is
///   `L <= best + 0.05 * (init - best)`: within 5% of the range from the start to
///   the best result. When no run improved on the start (`init <= best`) the
///   instance has no target and no run reaches it.
/// A run reaches the target at its first evaluation point that satisfies it;
/// its cost is the recorded step, the cumulative f + g + Hv evaluations and the
/// wall time there (steps and evaluations at least 1, seconds at least 1e-6, so
/// that profile ratios stay finite). A run that never satisfies it, or lacks the
/// curve, missed.
enum TargetRule {
    /// The rule in one paragraph for the index page.
    static let description = """
        Problem instances are (model, data set, seed). Test functions: a run reaches the target at its first \
        evaluation point with f - f* <= 1e-6 * max(1, f0 - f*), where f0 - f* is its first recorded gap. \
        Learning tasks: with L the training loss (the data loss every optimizer minimizes; the validation loss only \
        when the instance has no training loss), best the lowest final L of any run on the instance and init the \
        median first value of L, the target is L <= best + 0.05 * (init - best), i.e. within 5% of the range from \
        start to best; when no run improved on the start the instance has no target and every run misses it. \
        Cost = the step, the cumulative f + g + Hv evaluations and the wall time at the first point meeting the \
        target (at least 1 step, 1 evaluation, 1e-6 s). Runs that never meet it, or lack the curve, count as never \
        reaching it (and runs without evaluation counts or wall times, in those profiles).
        """

    /// Relative tolerance on `f - f*` for test functions.
    static let gapTolerance = 1e-6
    /// Fraction of the start-to-best range allowed above the best loss.
    static let rangeFraction = 0.05

    /// The outcome of one run.
    struct Outcome: Sendable, Equatable {
        let threshold: Double?
        let steps: Double?
        let evaluations: Double?
        var seconds: Double? = nil
        /// The curve the target is on (`f_minus_fstar`, `train_loss` or `val_loss`).
        var curve: String? = nil
        /// True when the instance has no target because no run improved on the start.
        var degenerate = false
        var reached: Bool { steps != nil }

        static func missed(threshold: Double? = nil, curve: String? = nil, degenerate: Bool = false) -> Outcome {
            Outcome(threshold: threshold, steps: nil, evaluations: nil, curve: curve, degenerate: degenerate)
        }
    }

    /// Problem instance key.
    struct Instance: Hashable, Comparable, Sendable {
        let problem: ProblemKey
        let seed: Int64
        static func < (a: Instance, b: Instance) -> Bool { (a.problem, a.seed) < (b.problem, b.seed) }
    }

    static func instance(_ run: RunView) -> Instance { Instance(problem: run.problem, seed: run.seed ?? 0) }

    /// Outcomes of `runs`, in the same order.
    static func outcomes(_ runs: [RunView]) -> [Outcome] {
        var byInstance: [Instance: [Int]] = [:]
        for (i, run) in runs.enumerated() { byInstance[instance(run), default: []].append(i) }
        var result = [Outcome?](repeating: nil, count: runs.count)
        for (_, members) in byInstance {
            let group = members.map { runs[$0] }
            if group.contains(where: { $0.curve(RunFileNames.Curve.fMinusFStar) != nil }) {
                for i in members {
                    guard let gap = runs[i].curve(RunFileNames.Curve.fMinusFStar), let f0 = runs[i].firstFinite(RunFileNames.Curve.fMinusFStar) else {
                        result[i] = .missed(curve: "f_minus_fstar"); continue
                    }
                    let threshold = gapTolerance * max(1, f0)
                    result[i] = firstReach(runs[i], values: gap, threshold: threshold, curve: "f_minus_fstar")
                }
            } else {
                let name = group.contains(where: { $0.curve(RunFileNames.Curve.trainLoss) != nil }) ? RunFileNames.Curve.trainLoss : RunFileNames.Curve.valLoss
                let finals = group.compactMap { $0.final(name) }.filter(\.isFinite)
                let inits = group.compactMap { $0.firstFinite(name) }
                guard let best = finals.min(), let start = SampleStatistics.median(inits) else {
                    for i in members { result[i] = .missed(curve: name) }
                    continue
                }
                guard start > best else {
                    for i in members { result[i] = .missed(curve: name, degenerate: true) }
                    continue
                }
                let threshold = best + rangeFraction * (start - best)
                for i in members {
                    guard let values = runs[i].curve(name) else {
                        result[i] = .missed(threshold: threshold, curve: name); continue
                    }
                    result[i] = firstReach(runs[i], values: values, threshold: threshold, curve: name)
                }
            }
        }
        return result.map { $0! }
    }

    private static func firstReach(_ run: RunView, values: [Double], threshold: Double, curve: String) -> Outcome {
        guard let i = values.firstIndex(where: { $0.isFinite && $0 <= threshold }) else {
            return .missed(threshold: threshold, curve: curve)
        }
        let evals = run.evaluations.flatMap { $0[i].isFinite ? max(1, $0[i]) : nil }
        let seconds = run.wallTime.flatMap { $0[i].isFinite ? max(1e-6, $0[i]) : nil }
        return Outcome(threshold: threshold, steps: max(1, Double(run.record.steps[i])), evaluations: evals,
                       seconds: seconds, curve: curve)
    }
}
