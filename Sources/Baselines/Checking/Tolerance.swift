/// An allowed difference between a baseline value b and a current value v:
/// v passes when |v - b| <= atol + rtol·|b| (the rule of `numpy.isclose`,
/// asymmetric: the baseline is the reference). Equal values always pass,
/// including equal infinities; two NaNs pass; a NaN against a number, or
/// infinities of different sign, fail.
public struct Tolerance: Sendable, Equatable {
    /// Relative tolerance.
    public var rtol: Double
    /// Absolute tolerance.
    public var atol: Double

    /// A tolerance; both values must be non-negative.
    public init(rtol: Double, atol: Double) {
        precondition(rtol >= 0 && atol >= 0, "tolerances are non-negative")
        self.rtol = rtol; self.atol = atol
    }

    /// The largest difference allowed around the baseline value `baseline`.
    public func allowed(around baseline: Double) -> Double { atol + rtol * abs(baseline) }

    /// Whether `now` is within tolerance of `baseline`.
    public func accepts(now: Double, baseline: Double) -> Bool {
        if now == baseline || (now.isNaN && baseline.isNaN) { return true }
        guard now.isFinite && baseline.isFinite else { return false }
        return abs(now - baseline) <= allowed(around: baseline)
    }
}
