/// One hyperparameter value as written in a grid file.
public enum OptimizerParam: Sendable, Hashable, CustomStringConvertible {
    case double(Double)
    case int(Int)
    case bool(Bool)
    case string(String)

    /// The value as grid files and canonical names print it (`0.001`, `10`, `true`, `armijo`).
    public var description: String {
        switch self {
        case .double(let v): return "\(v)"
        case .int(let v): return "\(v)"
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return v
        }
    }

    /// The name of the value's type for error messages.
    var typeName: String {
        switch self {
        case .double: return "number"
        case .int: return "integer"
        case .bool: return "boolean"
        case .string: return "string"
        }
    }
}
