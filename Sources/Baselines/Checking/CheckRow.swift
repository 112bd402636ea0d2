/// The outcome of one comparison.
public enum Verdict: String, Sendable, Equatable {
    /// Within the mode's rule.
    case pass = "ok"
    /// Outside the mode's rule: the check fails.
    case regression = "REGRESSION"
    /// Statistical mode with fewer than two usable seeds on a side: not tested,
    /// not a regression.
    case insufficientSeeds = "insufficient seeds"
    /// Present now but not in the baseline: nothing to compare, not a regression.
    case new = "new"
}

/// One line of a check's table: what was compared, the baseline and current
/// values as text, how they differ, and the verdict.
public struct CheckRow: Sendable, Equatable {
    /// The run id (exact and tolerance modes) or the cell (statistical mode).
    public var run: String
    /// What was compared: `digest`, `status`, a curve or tensor name, a final metric.
    public var metric: String
    public var baseline: String
    public var now: String
    public var difference: String
    public var verdict: Verdict
    /// In exact mode, where the run's stored data first differ.
    public var firstDifference: FirstDifference?
    /// In statistical mode, the test behind the verdict.
    public var test: WelchTest?

    public init(run: String, metric: String, baseline: String, now: String, difference: String, verdict: Verdict,
                firstDifference: FirstDifference? = nil, test: WelchTest? = nil) {
        self.run = run; self.metric = metric; self.baseline = baseline; self.now = now
        self.difference = difference; self.verdict = verdict
        self.firstDifference = firstDifference; self.test = test
    }
}
