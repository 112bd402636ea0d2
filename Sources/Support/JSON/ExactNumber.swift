/// Text forms of doubles and integers that read back to the same bits.
///
/// A finite double is written as Swift's `description`, the shortest decimal
/// that converts back to the same value (Steele-White / Grisu-style shortest
/// round trip), which is also a valid JSON number (`-0.0`, `5e-324`,
/// `0.30000000000000004`). Reading uses `Double(String)`, which rounds
/// correctly, so every finite value, including `-0.0` and subnormals, comes
/// back bit for bit. JSON has no NaN or infinity, so those are strings:
/// `"inf"`, `"-inf"`, `"nan"` for the default quiet NaN (bits
/// `0x7ff8000000000000`), and `"nan(0x<16 hex digits>)"` carrying the full bit
/// pattern of any other NaN (sign and payload).
public enum ExactNumber {
    /// The JSON node for `value`: a number literal when finite, a string otherwise.
    public static func node(_ value: Double) -> JSONNode {
        if value.isFinite { return .number(value.description) }
        if value.isInfinite { return .string(value < 0 ? "-inf" : "inf") }
        if value.bitPattern == Double.nan.bitPattern { return .string("nan") }
        return .string("nan(0x" + hex16(value.bitPattern) + ")")
    }

    /// The JSON node for an integer.
    public static func node(_ value: Int64) -> JSONNode { .number(String(value)) }

    /// The double written by `node(_: Double)`; nil if `node` is neither a
    /// number nor one of the strings above.
    public static func double(_ node: JSONNode) -> Double? {
        switch node {
        case .number(let literal):
            guard let value = Double(literal), value.isFinite else { return nil }
            return value
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        case .string("nan"): return .nan
        case .string(let s) where s.hasPrefix("nan(0x") && s.hasSuffix(")") && s.utf8.count == 23:
            guard let bits = UInt64(s.dropFirst(6).dropLast(), radix: 16) else { return nil }
            let value = Double(bitPattern: bits)
            return value.isNaN ? value : nil
        default: return nil
        }
    }

    /// The integer of a JSON number written without fraction or exponent; nil
    /// otherwise (including out of `Int64` range).
    public static func int64(_ node: JSONNode) -> Int64? {
        guard case .number(let literal) = node, isIntegerLiteral(literal) else { return nil }
        return Int64(literal)
    }

    /// True for a number literal without `.`, `e` or `E`.
    public static func isIntegerLiteral(_ literal: String) -> Bool {
        !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    private static func hex16(_ bits: UInt64) -> String {
        let digits = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
