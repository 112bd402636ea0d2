/// One parameter value of a data set, as written in a grid file.
///
/// `description` gives the canonical text of the value (`1000`, `0.2`, `word`,
/// `true`), which is how resolved parameters are recorded.
public enum DatasetParam: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)

    /// The canonical text of the value.
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .string(let v): return v
        case .bool(let v): return v ? "true" : "false"
        }
    }

    /// The name of the value's kind, for error messages.
    var kindName: String {
        switch self {
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .bool: return "a boolean"
        }
    }
}
