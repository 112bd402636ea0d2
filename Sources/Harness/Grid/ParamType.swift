import Support
/// The declared type of a component parameter; it decides how a YAML value is
/// read, checked and printed.
public enum ParamType: Sendable, Hashable {
    /// A finite floating-point number in the range; YAML integers are accepted.
    case double(ValueRange)
    /// An integer in the range.
    case int(ValueRange)
    case bool
    /// One of the listed strings.
    case choice([String])
    /// A non-empty list of integers, each in the range; a single integer
    /// stands for a one-element list. In a grid a list of lists is a sub-axis
    /// of this parameter.
    case intList(ValueRange)
    /// A file path; relative paths resolve against the grid file's folder and
    /// the file must exist when the grid is loaded.
    case path

    /// Short human name used in messages and documentation.
    public var summary: String {
        switch self {
        case let .double(r): return r == .any ? "number" : "number \(r)"
        case let .int(r): return r == .any ? "integer" : "integer \(r)"
        case .bool: return "true or false"
        case let .choice(values): return "one of " + values.joined(separator: ", ")
        case let .intList(r): return r == .any ? "list of integers" : "list of integers, each \(r)"
        case .path: return "file path"
        }
    }
}
