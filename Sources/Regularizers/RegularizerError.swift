import Support

/// A regularizer specification that cannot run: an unknown name or parameter, a
/// value of the wrong type or out of range, or a combination that cannot apply.
///
/// Every case names the regularizer (`regularizer`) and, where one is to blame, the
/// parameter key (`key`), so a grid reader can point at the offending line.
public enum RegularizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No regularizer has this id; `suggestion` is the nearest known id.
    case unknownRegularizer(name: String, suggestion: String?)
    /// A parameter is unknown, of the wrong kind, out of range or breaks a rule
    /// of the regularizer's declaration.
    case parameter(ParamError)
    /// Parameters that must come as exactly one of `keys` came as none or several.
    case exactlyOneOf(regularizer: String, keys: [String], given: [String])
    /// The same regularizer appears twice in one combination.
    case duplicate(regularizer: String)
    /// Two regularizers of one combination exclude each other.
    case incompatible(regularizer: String, other: String)
    /// The model cannot take this regularizer (no slot for it, or the wrong kind of output).
    case unsupportedModel(regularizer: String, model: String, reason: String)

    /// Id of the regularizer at fault (the misspelled name for an unknown one).
    public var regularizer: String {
        switch self {
        case .unknownRegularizer(let name, _): return name
        case .parameter(let e): return e.component
        case .exactlyOneOf(let r, _, _), .duplicate(let r), .incompatible(let r, _),
             .unsupportedModel(let r, _, _):
            return r
        }
    }

    /// The parameter key at fault, or nil when the regularizer as a whole is.
    public var key: String? {
        switch self {
        case .parameter(let e): return e.key
        case .exactlyOneOf(_, let keys, let given): return given.count > 1 ? given.last : keys.first
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .unknownRegularizer(let name, let s):
            return "unknown regularizer '\(name)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        case .parameter(let e):
            return "\(e.component): " + (e.key.map { "parameter '\($0)' " } ?? "") + e.message
        case .exactlyOneOf(let r, let keys, let given):
            let options = keys.map { "'\($0)'" }.joined(separator: " or ")
            return given.isEmpty ? "\(r): needs \(options)"
                : "\(r): give only one of \(options), not \(given.map { "'\($0)'" }.joined(separator: " and "))"
        case .duplicate(let r):
            return "\(r): given twice in one combination"
        case .incompatible(let r, let other):
            return "\(r): cannot be combined with \(other)"
        case .unsupportedModel(let r, let model, let reason):
            return "\(r): does not apply to model \(model): \(reason)"
        }
    }
}
