import Engine
import Models
import Support

/// `grad_clip`: gradient clipping, by global norm or by value, as torch's
/// `clip_grad_norm_` and `clip_grad_value_`.
///
/// - `max_norm` (> 0): with n = ||g||_2 over all parameters, the gradient is scaled
///   by c = max_norm / (n + 1e-6) when c < 1 (Pascanu, Mikolov and Bengio, "On the
///   difficulty of training recurrent neural networks", ICML 2013, Algorithm 1; the
///   1e-6 guard is torch's). The norm is accumulated in the run's dtype. A
///   non-finite norm gives c = 0 or NaN, as in torch; the trainer reports divergence.
/// - `max_value` (> 0): every component is clamped to [-max_value, max_value].
///
/// Exactly one of the two must be given; there is no default. Clipping sees the
/// penalized gradient, and runs before the optimizer's step.
public struct GradientClipping: Regularizer {
    public enum Mode: Sendable, Equatable {
        case norm(Double)
        case value(Double)
    }

    public static let id = "grad_clip"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "gradient clipping by global norm (max_norm) or by value (max_value)", params: [
            ParamSpec.double("max_norm", 1.0, .positive, "largest global gradient norm"),
            ParamSpec("max_value", .double(.positive), .absent, "largest absolute gradient entry"),
        ], rules: [GradientClipping.oneBound], traits: [.appliesToTestFunctions])
    public let params: Params
    public let mode: Mode

    /// `max_value` given replaces the default `max_norm`; both given is an error.
    static let oneBound = ParamRule("exactly one of max_norm and max_value") { p, user in
        guard user.contains("max_value") else { return nil }
        if user.contains("max_norm") { return .init(key: "max_value", "give either max_norm or max_value, not both") }
        p["max_norm"] = nil
        return nil
    }

    public init(resolved: Params) throws(RegularizerError) {
        let given = Self.declaration.params.map(\.name).filter { resolved.values[$0] != nil }
        switch (resolved.values["max_norm"]?.doubleValue, resolved.values["max_value"]?.doubleValue) {
        case let (n?, nil): mode = .norm(n)
        case let (nil, v?): mode = .value(v)
        default: throw .exactlyOneOf(regularizer: Self.id, keys: Self.declaration.params.map(\.name), given: given)
        }
        params = resolved
    }

    public var transformsGradients: Bool { true }

    /// Clips in place; true when the gradient was scaled (norm mode) or at least one
    /// component was clamped (value mode).
    @discardableResult
    public func transformGradient<S: Scalar>(_ gradient: inout [S], layout: ParameterLayout) -> Bool {
        precondition(gradient.count == layout.count, "\(gradient.count) values for a layout of \(layout.count)")
        return gradient.withUnsafeMutableBufferPointer { g in
            switch mode {
            case .norm(let maxNorm):
                let norm = FlatKernels.sumOfSquares(UnsafeBufferPointer(g)).squareRoot()
                let coefficient = S(maxNorm) / (norm + S(1e-6))
                if !(coefficient >= 1) { FlatKernels.scale(g, by: coefficient); return true }
                return false
            case .value(let maxValue):
                return FlatKernels.clamp(g, limit: S(maxValue))
            }
        }
    }
}
