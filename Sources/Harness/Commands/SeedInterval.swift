import Baselines

/// The mean of a metric over seeds with its 95% Student-t interval,
/// mean ± t(0.975, n − 1) · s / √n, where s is the sample standard deviation.
/// A single seed has a mean but no interval.
public struct SeedInterval: Sendable, Equatable {
    /// Number of seeds.
    public var count: Int
    /// Mean over the seeds, summed in the given order.
    public var mean: Double
    /// Half-width of the 95% interval; nil for one seed.
    public var halfWidth: Double?

    /// The interval of `values` (one per seed); nil when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        count = values.count
        var sum = 0.0
        for v in values { sum += v }
        mean = sum / Double(count)
        guard count >= 2 else { halfWidth = nil; return }
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        let s = (squares / Double(count - 1)).squareRoot()
        halfWidth = StudentT.twoSidedCriticalValue(confidence: 0.95, degreesOfFreedom: Double(count - 1))
            * s / Double(count).squareRoot()
    }
}
