import Support
import Engine

/// Extended Rosenbrock function (MGH problem 21; n = 2 is Rosenbrock's function,
/// problem 1): f = sum_{i=1}^{n/2} 100 (x_{2i} - x_{2i-1}^2)^2 + (1 - x_{2i-1})^2.
/// x0 = (-1.2, 1, ..., -1.2, 1); f* = 0 at (1, ..., 1).
public struct ExtendedRosenbrock: TestFunction {
    /// The declaration of `rosenbrock` (n = 2).
    public static let rosenbrockDeclaration = ComponentDeclaration(
        "rosenbrock", "Rosenbrock function, n = 2, minimum 0 at (1, 1)", traits: [.testFunction])

    /// The declaration of `extended_rosenbrock`.
    public static let declaration = ComponentDeclaration(
        "extended_rosenbrock", "extended Rosenbrock function (MGH 21), minimum 0 at (1, ..., 1)",
        params: [.int("n", 10, .atLeast(2), "dimension, even")],
        rules: [ParamRule("n is even") { p, _ in
            guard let n = p["n"]?.intValue, n % 2 != 0 else { return nil }
            return .init(key: "n", "must be even, got \(n)")
        }],
        traits: [.testFunction])

    public let dimension: Int

    public init(n: Int) {
        precondition(n >= 2 && n % 2 == 0, "extended Rosenbrock needs an even n >= 2, got \(n)")
        dimension = n
    }

    public var id: String { dimension == 2 ? "rosenbrock" : "extended_rosenbrock" }
    public var start: [Double] { (0..<dimension).map { $0 % 2 == 0 ? -1.2 : 1 } }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [Double](repeating: 1, count: dimension) }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let pairs = x.reshaped([dimension / 2, 2])
        let odd = pairs.slice(axis: 1, start: 0, length: 1), even = pairs.slice(axis: 1, start: 1, length: 1)
        let a = even - odd * odd, b = 1 - odd
        return (a * a * S(100) + b * b).sum()
    }
}
