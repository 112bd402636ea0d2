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
