import Support
import Engine

/// Brown badly scaled function (MGH problem 4), n = 2: residuals x1 - 10^6,
/// x2 - 2 10^-6, x1 x2 - 2. x0 = (1, 1); f* = 0 at (10^6, 2 10^-6).
public struct BrownBadlyScaled: TestFunction {
    /// The function's one declaration.
    public static let declaration = ComponentDeclaration(
        "brown_badly_scaled", "Brown badly scaled function (MGH 4), n = 2, minimum 0 at (1e6, 2e-6)", traits: [.testFunction])

    public init() {}
    public var id: String { "brown_badly_scaled" }
    public var dimension: Int { 2 }
    public var start: [Double] { [1, 1] }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [1e6, 2e-6] }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let x1 = x.component(0), x2 = x.component(1)
        return .sumOfSquares([x1 - S(1e6), x2 - S(2e-6), x1 * x2 - S(2)])
    }
}
