import Engine

/// Percentile bootstrap confidence interval of a mean (Efron and Tibshirani,
/// "An Introduction to the Bootstrap", 1993, section 13.3).
///
/// Draws `resamples` samples of size n with replacement from the data, using
/// `RandomStream(seed: seed, purpose: "reports/bootstrap", index: 0)` and
/// `int(below: n)` for each element, in order; each resample's mean is summed in
/// draw order. With the B means sorted ascending, the interval at level
/// `1 - alpha` is the `ceil(B * alpha / 2)`-th and `ceil(B * (1 - alpha / 2))`-th
/// smallest (1-based): for B = 2000 and alpha = 0.05, the 50th and 1950th.
/// Every interval restarts the stream, so it depends only on the data.
public struct BootstrapInterval: Sendable, Equatable {
    /// Number of resamples B.
    public var resamples: Int
    /// Seed of the resampling stream.
    public var seed: UInt64
    /// One minus the confidence level (0.05 for a 95% interval).
    public var alpha: Double

    /// Creates the procedure; the defaults give a 95% interval from 2000 resamples.
    public init(resamples: Int = 2000, seed: UInt64 = 2002, alpha: Double = 0.05) {
        precondition(resamples >= 1, "resamples must be positive")
        precondition(alpha > 0 && alpha < 1, "alpha must lie in (0, 1)")
        self.resamples = resamples; self.seed = seed; self.alpha = alpha
    }

    /// 1-based ranks of the lower and upper bounds among the sorted resample means.
    public var ranks: (lower: Int, upper: Int) {
        let b = Double(resamples)
        let lower = max(1, Int((b * alpha / 2).rounded(.up)))
        let upper = min(resamples, Int((b * (1 - alpha / 2)).rounded(.up)))
        return (lower, upper)
    }

    /// The interval for the mean of `sample`; `nil` when the sample is empty. A
    /// sample of one value gives the degenerate interval at that value.
    public func interval(_ sample: [Double]) -> (lower: Double, upper: Double)? {
        let n = sample.count
        guard n > 0 else { return nil }
        if n == 1 { return (sample[0], sample[0]) }
        var stream = RandomStream(seed: seed, purpose: "reports/bootstrap", index: 0)
        var means = [Double](repeating: 0, count: resamples)
        for b in 0..<resamples {
            var sum = 0.0
            for _ in 0..<n { sum += sample[stream.int(below: n)] }
            means[b] = sum / Double(n)
        }
        means.sort()
        let (lo, hi) = ranks
        return (means[lo - 1], means[hi - 1])
    }
}
