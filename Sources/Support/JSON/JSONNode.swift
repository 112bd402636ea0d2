/// A parsed JSON value (RFC 8259) that keeps each number as the literal text
/// it was written with, so that a reader can convert it to `Int64` or to
/// `Double` itself and nothing is lost on the way (Foundation's parser widens
/// every number to `NSNumber`).
public enum JSONNode: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number's literal text, already checked against the JSON grammar.
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

    /// A short name of the value's kind, for error messages.
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as text without any whitespace, object keys sorted by their
    /// UTF-8 bytes: one text per value, whatever order the keys were read in.
    public var compactText: String {
        var out = ""
        JSONWriter.writeCompact(self, to: &out)
        return out
    }
}
