/// One resolved parameter value of a grid component.
///
/// The case is fixed by the parameter's declared type in the catalog, never by
/// how the YAML spelled it: `lr: 1` and `lr: 1.0` both become `.double(1.0)`,
/// so they print, hash and compare the same.
public enum ParamValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case intList([Int])

    /// The value as an integer, if it is one.
    public var intValue: Int? {
        if case let .int(v) = self { return v }
        return nil
    }

    /// The value as a double; integers convert exactly.
    public var doubleValue: Double? {
        switch self {
        case let .double(v): return v
        case let .int(v): return Double(v)
        default: return nil
        }
    }

    /// The value as a boolean, if it is one.
    public var boolValue: Bool? {
        if case let .bool(v) = self { return v }
        return nil
    }

    /// The value as a string (enum choices and paths), if it is one.
    public var stringValue: String? {
        if case let .string(v) = self { return v }
        return nil
    }

    /// The value as a list of integers, if it is one.
    public var intListValue: [Int]? {
        if case let .intList(v) = self { return v }
        return nil
    }

    /// Canonical text used in names: integers without a decimal point, doubles
    /// in Swift's shortest round-trip form (`0.001`, `1e-08`, `1.0`), lists as
    /// `[3,4,5]`, strings unquoted.
    public var description: String {
        switch self {
        case let .int(v): return String(v)
        case let .double(v): return ParamValue.canonical(v)
        case let .bool(v): return v ? "true" : "false"
        case let .string(v): return v
        case let .intList(v): return "[" + v.map(String.init).joined(separator: ",") + "]"
        }
    }

    /// The value as a canonical JSON value.
    var json: JSONValue {
        switch self {
        case let .int(v): return .int(v)
        case let .double(v): return .double(v)
        case let .bool(v): return .bool(v)
        case let .string(v): return .string(v)
        case let .intList(v): return .array(v.map { .int($0) })
        }
    }

    /// Shortest round-trip text of a finite double, with negative zero folded
    /// into zero so that `-0.0` and `0.0` give one run id.
    static func canonical(_ value: Double) -> String {
        precondition(value.isFinite, "grid values are finite")
        return value == 0 ? "0.0" : value.description
    }
}
