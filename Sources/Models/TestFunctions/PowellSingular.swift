import Support
import Engine

/// Powell singular function (MGH problem 13), n = 4:
/// f = (x1 + 10 x2)^2 + 5 (x3 - x4)^2 + (x2 - 2 x3)^4 + 10 (x1 - x4)^4.
/// x0 = (3, -1, 0, 1); f* = 0 at the origin, where the Hessian is singular.
public struct PowellSingular: TestFunction {
    /// The function's one declaration.
    public static let declaration = ComponentDeclaration(
        "powell_singular", "Powell singular function (MGH 13), n = 4, minimum 0 at 0", traits: [.testFunction])

    public init() {}
    public var id: String { "powell_singular" }
    public var dimension: Int { 4 }
    public var start: [Double] { [3, -1, 0, 1] }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [0, 0, 0, 0] }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let (x1, x2, x3, x4) = (x.component(0), x.component(1), x.component(2), x.component(3))
        let a = x2 - x3 * S(2), b = x1 - x4
        return .sumOfSquares([x1 + x2 * S(10), (x3 - x4) * S(5.0.squareRoot()), a * a, b * b * S(10.0.squareRoot())])
    }
}
