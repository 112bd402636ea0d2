import Engine

/// The line searches a grid file can name: `armijo`, `strong_wolfe`, `none`.
/// Quasi-Newton methods use c1 = 1e-4 and c2 = 0.9 (Nocedal and Wright's defaults).
public enum LineSearchKind: String, Sendable, CaseIterable {
    case armijo
    case strongWolfe = "strong_wolfe"
    case none

    /// A search of this kind with its default constants.
    public func make<S: Scalar>(_: S.Type = S.self) -> any LineSearch<S> {
        switch self {
        case .armijo: return ArmijoBacktracking<S>()
        case .strongWolfe: return StrongWolfeLineSearch<S>()
        case .none: return FixedStep<S>()
        }
    }

    /// The names as a grid-file choice list.
    static var names: [String] { allCases.map(\.rawValue) }
}
