/// The allowed interval of a numeric parameter (or of each element of an
/// integer list). Each end is absent, closed (the bound itself is allowed) or
/// open (it is not); the constructors name the ends explicitly so a reader
/// never has to guess what `[0, 1)` means.
public struct ValueRange: Sendable, Hashable, CustomStringConvertible {
    /// One end of the interval.
    public enum End: Sendable, Hashable {
        /// The bound itself is allowed.
        case closed(Double)
        /// The bound itself is excluded.
        case open(Double)

        /// The bound.
        public var value: Double {
            switch self {
            case let .closed(v), let .open(v): return v
            }
        }

        /// Whether the bound itself is allowed.
        public var isClosed: Bool { if case .closed = self { return true }; return false }
    }

    public let lower: End?
    public let upper: End?

    /// A range with optional ends.
    public init(lower: End?, upper: End?) {
        if let lower, let upper { precondition(lower.value <= upper.value, "empty range") }
        self.lower = lower
        self.upper = upper
    }

    /// Any finite value.
    public static let any = ValueRange(lower: nil, upper: nil)
    /// `x > 0`.
    public static let positive = ValueRange(lower: .open(0), upper: nil)
    /// `x >= 0`.
    public static let nonNegative = ValueRange(lower: .closed(0), upper: nil)

    /// `x >= value`.
    public static func atLeast(_ value: Double) -> ValueRange { ValueRange(lower: .closed(value), upper: nil) }
    /// `x > value`.
    public static func greaterThan(_ value: Double) -> ValueRange { ValueRange(lower: .open(value), upper: nil) }
    /// `[lo, hi]`: both ends allowed.
    public static func closed(_ lo: Double, _ hi: Double) -> ValueRange { ValueRange(lower: .closed(lo), upper: .closed(hi)) }
    /// `[lo, hi)`: the lower end allowed, the upper excluded.
    public static func closedOpen(_ lo: Double, _ hi: Double) -> ValueRange { ValueRange(lower: .closed(lo), upper: .open(hi)) }
    /// `(lo, hi]`: the lower end excluded, the upper allowed.
    public static func openClosed(_ lo: Double, _ hi: Double) -> ValueRange { ValueRange(lower: .open(lo), upper: .closed(hi)) }
    /// `(lo, hi)`: both ends excluded.
    public static func open(_ lo: Double, _ hi: Double) -> ValueRange { ValueRange(lower: .open(lo), upper: .open(hi)) }

    /// Whether `value` is finite and lies in the range.
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if let lower, lower.isClosed ? value < lower.value : value <= lower.value { return false }
        if let upper, upper.isClosed ? value > upper.value : value >= upper.value { return false }
        return true
    }

    /// Reads as the tail of "must be ...": `> 0`, `>= 1`, `in [0, 1)`.
    public var description: String {
        switch (lower, upper) {
        case (nil, nil): return "finite"
        case let (l?, nil): return (l.isClosed ? ">= " : "> ") + ValueRange.text(l.value)
        case let (nil, u?): return (u.isClosed ? "<= " : "< ") + ValueRange.text(u.value)
        case let (l?, u?):
            return "in " + (l.isClosed ? "[" : "(") + ValueRange.text(l.value) + ", " + ValueRange.text(u.value)
                + (u.isClosed ? "]" : ")")
        }
    }

    private static func text(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : v.description
    }
}
