/// One line of a check's table: what was compared, the baseline and current
/// values as text, how they differ, and the verdict.
public struct CheckRow: Sendable, Equatable {
    /// The run id (exact and tolerance modes) or the cell (statistical mode).
    public var run: String
    /// What was compared: `digest`, `status`, a curve or tensor name, a final metric.
    public var metric: String
    /// The baseline value, as text.
    public var baseline: String
    /// The current value, as text.
    public var now: String
    /// How they differ, in words.
    public var difference: String
    /// The outcome.
    public var verdict: Verdict
    /// In exact mode, where the run's stored data first differ.
    public var firstDifference: FirstDifference?
    /// In statistical mode, the test behind the verdict.
    public var test: WelchTest?

    /// A row from its columns and, optionally, the evidence behind its verdict.
    public init(run: String, metric: String, baseline: String, now: String, difference: String, verdict: Verdict,
                firstDifference: FirstDifference? = nil, test: WelchTest? = nil) {
        self.run = run; self.metric = metric; self.baseline = baseline; self.now = now
        self.difference = difference; self.verdict = verdict
        self.firstDifference = firstDifference; self.test = test
    }
}
