/// Summary statistics of a sample, summed in index order so results are reproducible.
enum SampleStatistics {
    /// Arithmetic mean; `nil` for an empty sample.
    static func mean(_ x: [Double]) -> Double? {
        guard !x.isEmpty else { return nil }
        var sum = 0.0
        for v in x { sum += v }
        return sum / Double(x.count)
    }

    /// Sample standard deviation with Bessel's correction,
    /// `s = sqrt(sum (x_i - mean)^2 / (n - 1))`; `nil` when `n < 2`.
    static func standardDeviation(_ x: [Double]) -> Double? {
        guard x.count >= 2, let m = mean(x) else { return nil }
        var ss = 0.0
        for v in x { ss += (v - m) * (v - m) }
        return (ss / Double(x.count - 1)).squareRoot()
    }

    /// Median (mean of the two middle values for an even count); `nil` when empty.
    static func median(_ x: [Double]) -> Double? {
        guard !x.isEmpty else { return nil }
        let s = x.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
}
