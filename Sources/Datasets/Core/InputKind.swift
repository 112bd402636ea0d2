/// The shape of one example's input in `Split.inputs`.
public enum InputKind: Sendable, Equatable {
    /// A flat vector of `features` values.
    case dense(features: Int)
    /// `steps` time steps of `features` values each, step-major.
    case sequence(steps: Int, features: Int)
    /// `maxLength` token ids (stored as exact `Float` values), padded with id 0.
    case tokens(maxLength: Int, vocabulary: Int)

    /// Number of `Float` values one example occupies in `Split.inputs`.
    public var valuesPerExample: Int {
        switch self {
        case .dense(let f): return f
        case .sequence(let t, let f): return t * f
        case .tokens(let l, _): return l
        }
    }

    /// Number of steps of a sequence or token input (1 for dense input).
    public var steps: Int {
        switch self {
        case .dense: return 1
        case .sequence(let t, _): return t
        case .tokens(let l, _): return l
        }
    }
}
