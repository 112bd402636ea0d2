import Support
import Engine

/// Helical valley function (MGH problem 7), n = 3: residuals
/// 10 (x3 - 10 theta(x1, x2)), 10 (sqrt(x1^2 + x2^2) - 1), x3, where
/// 2 pi theta = arctan(x2 / x1) for x1 > 0 and arctan(x2 / x1) + pi for x1 < 0
/// (so theta lies in (-1/4, 3/4]; at x1 = 0 the limit from x1 > 0 is used for x2 < 0).
/// x0 = (-1, 0, 0); f* = 0 at (1, 0, 0).
public struct HelicalValley: TestFunction {
    /// The function's one declaration.
    public static let declaration = ComponentDeclaration(
        "helical_valley", "helical valley function (MGH 7), n = 3, minimum 0 at (1, 0, 0)", traits: [.testFunction])

    public init() {}
    public var id: String { "helical_valley" }
    public var dimension: Int { 3 }
    public var start: [Double] { [-1, 0, 0] }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [1, 0, 0] }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let x1 = x.component(0), x2 = x.component(1), x3 = x.component(2)
        var angle = x1.angle(y: x2)                        // atan2, in (-pi, pi]
        if Double(angle.value.data[0]) < -DeterministicTrig.pio2 {
            angle = angle + S(2 * DeterministicTrig.pi)    // move the branch cut to the negative x2 axis
        }
        let theta = angle * S(1 / (2 * DeterministicTrig.pi))
        let radius = (x1 * x1 + x2 * x2).sqrt()
        return .sumOfSquares([(x3 - theta * S(10)) * S(10), (radius - S(1)) * S(10), x3])
    }
}
