import Support
import Engine

/// Beale function (MGH problem 5), n = 2: f = sum_{i=1}^3 (y_i - x1 (1 - x2^i))^2
/// with y = (1.5, 2.25, 2.625). x0 = (1, 1); f* = 0 at (3, 0.5).
public struct Beale: TestFunction {
    /// The function's one declaration.
    public static let declaration = ComponentDeclaration(
        "beale", "Beale function (MGH 5), n = 2, minimum 0 at (3, 0.5)", traits: [.testFunction])

    public init() {}
    public var id: String { "beale" }
    public var dimension: Int { 2 }
    public var start: [Double] { [1, 1] }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [3, 0.5] }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let x1 = x.component(0), x2 = x.component(1)
        let x2sq = x2 * x2
        let powers = [x2, x2sq, x2sq * x2]
        let y: [S] = [1.5, 2.25, 2.625]
        return .sumOfSquares((0..<3).map { i in y[i] - x1 * (1 - powers[i]) })
    }
}
