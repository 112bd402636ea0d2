import Support

/// A JSON value built from a grid's typed parts, with one canonical
/// serialization: object keys sorted by their UTF-8 bytes, no whitespace,
/// integers without a decimal point, doubles in `ParamValue.canonical` form
/// (shortest round trip, `-0.0` folded into `0.0`), strings escaped by the
/// project's one JSON writer (`Support.JSONWriter`).
///
/// Run ids hash this text, so it must never depend on dictionary order,
/// locale or platform.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The canonical text.
    var text: String { node.compactText }

    /// The value as a `JSONNode`, numbers already in their canonical text.
    var node: JSONNode {
        switch self {
        case .null: return .null
        case let .bool(v): return .bool(v)
        case let .int(v): return .number(String(v))
        case let .double(v): return .number(ParamValue.canonical(v))
        case let .string(v): return .string(v)
        case let .array(items): return .array(items.map(\.node))
        case let .object(fields): return .object(fields.mapValues(\.node))
        }
    }
}
