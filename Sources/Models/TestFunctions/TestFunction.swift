import Engine

/// An analytic objective of a point x `[n]`, with its standard starting point and
/// known minimum (Moré, Garbow and Hillstrom, "Testing Unconstrained Optimization
/// Software", ACM TOMS 7(1), 1981, section 3; problem numbers cited per function).
public protocol TestFunction: Sendable {
    /// Registry id, e.g. `beale`.
    var id: String { get }
    /// Number of variables n.
    var dimension: Int { get }
    /// The standard starting point x0.
    var start: [Double] { get }
    /// The global minimum value f*.
    var minimum: Double { get }
    /// A global minimizer (f(x*) = f*).
    var minimizer: [Double] { get }
    /// f(x) for x of shape `[n]`, as a scalar.
    func value<S: Scalar>(_ x: Variable<S>) -> Variable<S>
}

extension Variable {
    /// Component i of a vector `[n]`, as shape `[1]`.
    func component(_ i: Int) -> Variable { slice(axis: 0, start: i, length: 1) }

    /// Sum of squares of residuals `[1]` each: f = sum r_i^2 (the MGH form).
    static func sumOfSquares(_ residuals: [Variable]) -> Variable {
        let r = Variable.concat(residuals, axis: 0)
        return (r * r).sum()
    }
}

/// A test function as a model: the only parameter is the point, `x` `[n]` (role
/// `point`), starting at the standard x0; there is no data, and the forward pass
/// returns f(x).
public struct TestFunctionModel: Model {
    public let name: String
    public let function: any TestFunction

    public init(name: String, function: any TestFunction) {
        self.name = name; self.function = function
    }

    public var parameterSpecs: [ParameterSpec] {
        [ParameterSpec(name: "x", shape: [function.dimension], role: .point, initializer: .values(function.start))]
    }
    public var output: ModelOutput { .objective(minimum: function.minimum) }
    public var supportsDropout: Bool { false }
    public var supportsNormalization: Bool { false }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        precondition(parameters.count == 1, "\(name) has one parameter, the point")
        return function.value(parameters[0])
    }
}
