import Support

extension ParamValue {
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
}
