import Support
import Engine

/// Freudenstein and Roth function (MGH problem 2), n = 2:
/// r1 = -13 + x1 + ((5 - x2) x2 - 2) x2, r2 = -29 + x1 + ((x2 + 1) x2 - 14) x2.
/// x0 = (0.5, -2); f* = 0 at (5, 4) (a local minimum 48.9842... lies at
/// (11.41..., -0.8968...)).
public struct FreudensteinRoth: TestFunction {
    /// The function's one declaration.
    public static let declaration = ComponentDeclaration(
        "freudenstein_roth", "Freudenstein and Roth function (MGH 2), n = 2, minimum 0 at (5, 4)", traits: [.testFunction])

    public init() {}
    public var id: String { "freudenstein_roth" }
    public var dimension: Int { 2 }
    public var start: [Double] { [0.5, -2] }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [5, 4] }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let x1 = x.component(0), x2 = x.component(1)
        let r1 = x1 + ((5 - x2) * x2 - S(2)) * x2 - S(13)
        let r2 = x1 + ((x2 + S(1)) * x2 - S(14)) * x2 - S(29)
        return .sumOfSquares([r1, r2])
    }
}
