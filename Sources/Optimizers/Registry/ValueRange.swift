/// An interval of admissible numeric values, each end open, closed or absent.
public struct ValueRange: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool

    /// An interval with the given ends (nil = unbounded).
    public init(lower: Double?, lowerInclusive: Bool, upper: Double?, upperInclusive: Bool) {
        self.lower = lower; self.lowerInclusive = lowerInclusive
        self.upper = upper; self.upperInclusive = upperInclusive
    }

    /// x > 0.
    public static let positive = ValueRange(lower: 0, lowerInclusive: false, upper: nil, upperInclusive: false)
    /// x ≥ 0.
    public static let nonNegative = ValueRange(lower: 0, lowerInclusive: true, upper: nil, upperInclusive: false)
    /// x ≥ 1.
    public static let atLeastOne = ValueRange(lower: 1, lowerInclusive: true, upper: nil, upperInclusive: false)
    /// 0 ≤ x < 1 (momentum and moment-decay coefficients).
    public static let unitHalfOpen = ValueRange(lower: 0, lowerInclusive: true, upper: 1, upperInclusive: false)
    /// 0 ≤ x ≤ 1.
    public static let unitClosed = ValueRange(lower: 0, lowerInclusive: true, upper: 1, upperInclusive: true)
    /// 0 < x < 1.
    public static let unitOpen = ValueRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false)
    /// 0 < x ≤ 1.
    public static let unitLeftOpen = ValueRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: true)

    /// Whether `x` lies in the interval (NaN never does).
    public func contains(_ x: Double) -> Bool {
        guard !x.isNaN else { return false }
        if let lo = lower, lowerInclusive ? x < lo : x <= lo { return false }
        if let hi = upper, upperInclusive ? x > hi : x >= hi { return false }
        return true
    }

    /// Human-readable requirement, e.g. `> 0` or `in [0, 1)`.
    public var description: String {
        func fmt(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
        switch (lower, upper) {
        case let (lo?, hi?):
            return "in \(lowerInclusive ? "[" : "(")\(fmt(lo)), \(fmt(hi))\(upperInclusive ? "]" : ")")"
        case let (lo?, nil): return "\(lowerInclusive ? ">=" : ">") \(fmt(lo))"
        case let (nil, hi?): return "\(upperInclusive ? "<=" : "<") \(fmt(hi))"
        case (nil, nil): return "any number"
        }
    }
}
