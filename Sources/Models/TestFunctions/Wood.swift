import Support
import Engine

/// Wood function (MGH problem 14), n = 4: residuals 10 (x2 - x1^2), 1 - x1,
/// sqrt(90) (x4 - x3^2), 1 - x3, sqrt(10) (x2 + x4 - 2), (x2 - x4) / sqrt(10).
/// x0 = (-3, -1, -3, -1); f* = 0 at (1, 1, 1, 1).
public struct Wood: TestFunction {
    /// The function's one declaration.
    public static let declaration = ComponentDeclaration(
        "wood", "Wood function (MGH 14), n = 4, minimum 0 at (1, 1, 1, 1)", traits: [.testFunction])

    public init() {}
    public var id: String { "wood" }
    public var dimension: Int { 4 }
    public var start: [Double] { [-3, -1, -3, -1] }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [1, 1, 1, 1] }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let (x1, x2, x3, x4) = (x.component(0), x.component(1), x.component(2), x.component(3))
        return .sumOfSquares([
            (x2 - x1 * x1) * S(10), 1 - x1,
            (x4 - x3 * x3) * S(90.0.squareRoot()), 1 - x3,
            (x2 + x4 - S(2)) * S(10.0.squareRoot()), (x2 - x4) * S(1 / 10.0.squareRoot()),
        ])
    }
}
