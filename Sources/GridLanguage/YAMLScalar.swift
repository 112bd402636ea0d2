import Support
import Yams

/// A YAML scalar classified by the tag Yams resolved for it (YAML 1.1 core
/// rules: quoted scalars are always strings).
enum YAMLScalar: Equatable {
    case null
    case bool(Bool)
    /// An integer; nil when it does not fit in `Int`.
    case int(Int?)
    case double(Double)
    case string(String)

    /// The classification of `node`, or nil when it is a list or a mapping.
    init?(_ node: Node) {
        guard let scalar = node.scalar else { return nil }
        switch node.tag.rawValue {
        case Tag.Name.null.rawValue: self = .null
        case Tag.Name.bool.rawValue: self = node.bool.map { .bool($0) } ?? .string(scalar.string)
        case Tag.Name.int.rawValue: self = .int(node.int)
        case Tag.Name.float.rawValue: self = node.float.map { .double($0) } ?? .string(scalar.string)
        default: self = .string(scalar.string)
        }
    }

    /// How a message shows the value: as written, strings in quotes.
    static func describe(_ node: Node) -> String {
        switch node {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        case let .scalar(scalar):
            switch YAMLScalar(node) {
            case .null: return "nothing"
            case .string: return "\"" + scalar.string + "\""
            default: return scalar.string
            }
        }
    }
}
