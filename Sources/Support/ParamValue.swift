/// A resolved parameter value of a registry component (model, regularizer, ...),
/// as written in a grid file.
public enum ParamValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case intList([Int])

    /// The value as a double (integers widen).
    public var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        default: return nil
        }
    }

    /// The value as an integer (whole doubles narrow).
    public var intValue: Int? {
        switch self {
        case .int(let v): return v
        case .double(let v) where v.rounded() == v && abs(v) < 1e15: return Int(v)
        default: return nil
        }
    }

    /// Shortest round-trip text of a finite double, with negative zero folded
    /// into zero so that `-0.0` and `0.0` give one run id (non-finite values print
    /// as `nan`, `inf`, `-inf`; grids reject them before any name is made).
    public static func canonical(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        return value == 0 ? "0.0" : value.description
    }

    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intListValue: [Int]? {
        switch self {
        case .intList(let l): return l
        case .int(let v): return [v]
        default: return nil
        }
    }

    /// Canonical text: integers without a decimal point, doubles in Swift's
    /// shortest round-trip form, lists as `[a,b]`.
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return ParamValue.canonical(v)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .intList(let l): return "[" + l.map(String.init).joined(separator: ",") + "]"
        }
    }
}

/// Typed access to a parameter dictionary with defaults already resolved.
public struct Params: Sendable, Equatable {
    public var values: [String: ParamValue]
    public init(_ values: [String: ParamValue] = [:]) { self.values = values }

    public func double(_ key: String, default d: Double) -> Double { values[key]?.doubleValue ?? d }
    public func int(_ key: String, default d: Int) -> Int { values[key]?.intValue ?? d }
    public func bool(_ key: String, default d: Bool) -> Bool { values[key]?.boolValue ?? d }
    public func string(_ key: String, default d: String) -> String { values[key]?.stringValue ?? d }
    public func intList(_ key: String, default d: [Int]) -> [Int] { values[key]?.intListValue ?? d }
}
