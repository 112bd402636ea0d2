/// How current results are compared with a baseline.
///
/// Rules for missing runs: a run in the baseline but not in the current
/// results is a regression in `exact` and `tolerance` modes (it cannot be
/// checked, and a gate must not pass because runs disappeared); in
/// `statistical` mode a missing seed only shrinks its cell's sample, and only
/// a baseline cell with no current run at all is a regression. A run only in
/// the current results is listed and never a regression (there is nothing to
/// compare it with). A changed `status` is a regression in every mode.
public enum CheckMode: String, Sendable, CaseIterable {
    /// Digests equal for every run; a difference names the first curve, series
    /// or tensor that differs and the first step where it does.
    case exact
    /// Every stored curve, series and tensor within `Tolerances`; steps equal.
    case tolerance
    /// Final metrics compared across seeds per cell with Welch's t-test
    /// (`StatisticalOptions`).
    case statistical
}

/// Settings of the statistical mode.
///
/// A cell's final metric changed when Welch's two-sided t-test (`WelchTest`)
/// across its seeds gives p < `alpha`; the effect size reported is Hedges' g.
/// `alpha` applies to each comparison on its own (no correction for the number
/// of cells and metrics).
public struct StatisticalOptions: Sendable, Equatable {
    /// Significance level of each test; default 0.01.
    public var alpha: Double
    /// Final metrics compared (`FinalMetrics.value`); default `train_loss`,
    /// `val_loss`, `val_accuracy`. A metric absent from a cell's baseline runs is skipped.
    public var metrics: [String]

    public init(alpha: Double = 0.01, metrics: [String] = ["train_loss", "val_loss", "val_accuracy"]) {
        precondition(alpha > 0 && alpha < 1, "alpha is a probability in (0, 1)")
        self.alpha = alpha; self.metrics = metrics
    }
}
