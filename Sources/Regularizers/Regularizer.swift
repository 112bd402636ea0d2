import Engine
import Models
import Support

/// A regularizer: a named, parameterized change to training, made of optional hooks.
///
/// Each hook has a default that does nothing, so a regularizer implements only what
/// it changes:
/// - model transform: `configure(_:)` and `normalization` (dropout, batchnorm, layernorm);
/// - loss penalty: `penalty(_:specs:)`, written in differentiable tape operations so
///   values, gradients and Hessian-vector products of the objective all include it;
/// - gradient transform: `transformGradient(_:layout:)` (clipping);
/// - decoupled step: `afterStep(_:learningRate:layout:)` (weight decay);
/// - stopping rule: `earlyStopping`;
/// - loss option: `labelSmoothing`.
///
/// `RegularizerStack` combines several and fixes the order in which hooks run.
/// Conforming types are created from grid parameters through `RegularizerRegistry`.
public protocol Regularizer: Sendable {
    /// Registry id, e.g. `l2`.
    static var id: String { get }
    /// The one declaration: parameters in canonical order with defaults and
    /// bounds, rules and traits.
    static var declaration: ComponentDeclaration { get }
    /// Builds the regularizer from parameters already checked against `declaration` and
    /// completed with defaults; throws for constraints between keys.
    init(resolved: Params) throws(RegularizerError)

    /// Resolved parameters, defaults included.
    var params: Params { get }
    /// True when the regularizer makes the objective random (dropout).
    var isStochastic: Bool { get }
    /// Model transform: sets fields of the forward context.
    func configure(_ context: inout ForwardContext)
    /// Normalization the model must be built with.
    var normalization: ForwardContext.Normalization { get }
    /// Term added to the loss before differentiation, or nil for none.
    /// `parameters` are the tape variables in `specs` order.
    func penalty<S: Scalar>(_ parameters: [Variable<S>], specs: [ParameterSpec]) -> Variable<S>?
    /// Changes the (penalized) gradient before the optimizer sees it; returns
    /// whether it changed anything (so runs can count how often clipping acted).
    @discardableResult
    func transformGradient<S: Scalar>(_ gradient: inout [S], layout: ParameterLayout) -> Bool
    /// Whether `transformGradient` can change anything (clipping).
    var transformsGradients: Bool { get }
    /// Changes the parameters after the optimizer's step (decoupled regularization).
    func afterStep<S: Scalar>(_ x: inout [S], learningRate: Double, layout: ParameterLayout)
    /// Label smoothing the trainer passes to `softmaxCrossEntropy`, or nil.
    var labelSmoothing: Double? { get }
    /// Early-stopping rule applied after each evaluation, or nil.
    var earlyStopping: (patience: Int, minDelta: Double)? { get }
    /// Throws when the model cannot take this regularizer.
    func validate(model: any Model) throws(RegularizerError)
}

extension Regularizer {
    public var isStochastic: Bool { false }
    public func configure(_ context: inout ForwardContext) {}
    public var normalization: ForwardContext.Normalization { .none }
    public func penalty<S: Scalar>(_ parameters: [Variable<S>], specs: [ParameterSpec]) -> Variable<S>? { nil }
    @discardableResult
    public func transformGradient<S: Scalar>(_ gradient: inout [S], layout: ParameterLayout) -> Bool { false }
    public var transformsGradients: Bool { false }
    public func afterStep<S: Scalar>(_ x: inout [S], learningRate: Double, layout: ParameterLayout) {}
    public var labelSmoothing: Double? { nil }
    public var earlyStopping: (patience: Int, minDelta: Double)? { nil }
    public func validate(model: any Model) throws(RegularizerError) {}

    /// Registry id of this instance's type.
    public var id: String { Self.id }

    /// Canonical short name with the resolved parameters in declaration order,
    /// e.g. `l2(lambda=0.0001,include_bias=false)`; the bare id when there are none.
    public var canonicalName: String {
        let parts = Self.declaration.params.compactMap { p in params.values[p.name].map { "\(p.name)=\($0)" } }
        return parts.isEmpty ? Self.id : Self.id + "(" + parts.joined(separator: ",") + ")"
    }

    /// Builds the regularizer from parameters as written in a grid (defaults filled,
    /// every key and value checked).
    public static func make(_ given: [String: ParamValue] = [:]) throws(RegularizerError) -> Self {
        try Self(resolved: resolve(given))
    }

    /// `given` checked against the declaration, defaults filled in.
    static func resolve(_ given: [String: ParamValue]) throws(RegularizerError) -> Params {
        do {
            return Params(try declaration.resolve(given))
        } catch {
            throw .parameter(error)
        }
    }
}
