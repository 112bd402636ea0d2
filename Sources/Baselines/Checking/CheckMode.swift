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
