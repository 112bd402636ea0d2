import Engine

/// A trainable model: named parameters and a forward pass on the tape.
///
/// Models are immutable descriptions (sizes, choices); parameter values live
/// outside them (flat vectors owned by the trainer), and mutable state such as
/// BatchNorm running statistics lives in `ModelState`.
public protocol Model: Sendable {
    /// Canonical short description, e.g. `mlp(hidden=[128],activation=relu)`.
    var name: String { get }
    /// Every trainable parameter, in a fixed order.
    var parameterSpecs: [ParameterSpec] { get }
    /// What `forward` produces and how the trainer turns it into a loss.
    var output: ModelOutput { get }
    /// Whether the model has dropout slots / normalization slots (regularizers that
    /// need them are rejected otherwise).
    var supportsDropout: Bool { get }
    var supportsNormalization: Bool { get }

    /// Runs the model. `parameters` are the tape variables in `parameterSpecs`
    /// order. `state` holds running statistics (updated in train mode).
    ///
    /// Callers hold models as `any Model`, and a generic method called through an
    /// existential cannot be specialized at compile time; implementations carry
    /// `@_specialize` for `Float` and `Double`, so the generic entry point jumps at run
    /// time to code compiled for the element type (about 7x faster on the MLP step).
    func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>,
                            context: ForwardContext, state: inout ModelState<S>) -> Variable<S>
}

/// What a model's forward pass returns.
public enum ModelOutput: Sendable, Equatable {
    /// Class logits `[B, C]`.
    case logits(classes: Int)
    /// Next-token / per-step logits `[B, T, C]` (labels per step, -1 = ignore).
    case sequenceLogits(classes: Int)
    /// Real-valued predictions `[B, K]` for mean squared error.
    case regression(outputs: Int)
    /// A scalar objective value (analytic test functions); `minimum` is f* from
    /// Moré, Garbow and Hillstrom (1981) when known.
    case objective(minimum: Double?)
}

/// Non-trainable model state (BatchNorm running means and variances), by name.
public struct ModelState<S: Scalar>: Sendable, Equatable {
    public var buffers: [String: Tensor<S>]
    public init(buffers: [String: Tensor<S>] = [:]) { self.buffers = buffers }
}

extension Model {
    /// Total number of trainable scalars.
    public var parameterCount: Int { parameterSpecs.reduce(0) { $0 + $1.count } }

    /// Initial parameter values for `seed`, drawn per parameter name.
    public func initialParameters<S: Scalar>(seed: UInt64, as type: S.Type = S.self) -> [Tensor<S>] {
        parameterSpecs.map { spec in
            Tensor(shape: spec.shape, data: spec.initializer.draw(count: spec.count, name: spec.name, seed: seed).map { S($0) })
        }
    }
}
