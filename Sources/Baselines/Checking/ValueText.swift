import Foundation

/// How numbers appear in a check's table.
enum ValueText {
    /// Every digit needed to tell two doubles apart (shortest round trip;
    /// NaNs other than the default one show their bits).
    static func exact(_ value: Double) -> String {
        if value.isNaN && value.bitPattern != Double.nan.bitPattern {
            return "nan(0x" + String(value.bitPattern, radix: 16) + ")"
        }
        return value.description
    }

    /// Every digit needed to tell two floats apart.
    static func exact(_ value: Float) -> String {
        if value.isNaN && value.bitPattern != Float.nan.bitPattern {
            return "nan(0x" + String(value.bitPattern, radix: 16) + ")"
        }
        return value.description
    }

    /// Six significant digits, for reading.
    static func short(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value) : value.description
    }

    /// A signed difference with three significant digits.
    static func signed(_ value: Double) -> String {
        value.isFinite ? String(format: "%+.3g", value) : value.description
    }
}
