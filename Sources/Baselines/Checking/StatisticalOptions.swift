import Recording

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

    /// Options with the given significance level and metrics (defaults as documented above).
    public init(alpha: Double = 0.01, metrics: [String] = [RunFileNames.Curve.trainLoss, RunFileNames.Curve.valLoss, RunFileNames.Curve.valAccuracy]) {
        precondition(alpha > 0 && alpha < 1, "alpha is a probability in (0, 1)")
        self.alpha = alpha; self.metrics = metrics
    }
}
