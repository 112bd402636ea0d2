import Support
/// The allowed interval of a numeric parameter (or of each element of an
/// integer list), with open or closed ends.
public struct ValueRange: Sendable, Hashable, CustomStringConvertible {
    public let lower: Double?
    public let lowerInclusive: Bool
    public let upper: Double?
    public let upperInclusive: Bool

    /// A range with optional ends, closed unless stated.
    public init(lower: Double?, lowerInclusive: Bool = true, upper: Double? = nil, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// Any finite value.
    public static let any = ValueRange(lower: nil)
    /// `> 0`.
    public static let positive = ValueRange(lower: 0, lowerInclusive: false)
    /// `>= 0`.
    public static let nonNegative = ValueRange(lower: 0)
    /// `[0, 1)`: probabilities that must leave something, momentum-like factors.
    public static let unitOpen = ValueRange(lower: 0, upper: 1, upperInclusive: false)
    /// `(0, 1)`: relative tolerances and safeguards that must be neither 0 nor 1.
    public static let unitInterior = ValueRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false)
    /// `(0, 1]`.
    public static let unitLeftOpen = ValueRange(lower: 0, lowerInclusive: false, upper: 1)
    /// `[0, 1]`.
    public static let unit = ValueRange(lower: 0, upper: 1)

    /// `>= value`.
    public static func atLeast(_ value: Double) -> ValueRange { ValueRange(lower: value) }

    /// Whether `value` lies in the range.
    public func contains(_ value: Double) -> Bool {
        if let lower, lowerInclusive ? value < lower : value <= lower { return false }
        if let upper, upperInclusive ? value > upper : value >= upper { return false }
        return true
    }

    /// Reads as the tail of "must be ...": `> 0`, `>= 1`, `in [0, 1)`.
    public var description: String {
        switch (lower, upper) {
        case (nil, nil): return "finite"
        case let (l?, nil): return (lowerInclusive ? ">= " : "> ") + ValueRange.text(l)
        case let (nil, u?): return (upperInclusive ? "<= " : "< ") + ValueRange.text(u)
        case let (l?, u?):
            return "in " + (lowerInclusive ? "[" : "(") + ValueRange.text(l) + ", " + ValueRange.text(u)
                + (upperInclusive ? "]" : ")")
        }
    }

    private static func text(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : v.description
    }
}
