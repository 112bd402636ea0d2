import Engine
import Models
import Support

/// The regularizers of one grid entry, applied together, e.g.
/// `{dropout: {p: 0.2}, grad_clip: {max_norm: 1}}`.
///
/// Members are kept in the registry's canonical order (`RegularizerRegistry.ids`),
/// whatever order the grid wrote them in: a YAML map has no order, and this way one
/// combination always has one canonical name, one run id and one floating-point
/// result. "Listed order" below means this canonical order.
///
/// Order of application in each training step:
/// 1. model transforms: `normalization` when the model is built, `configure` on
///    every forward context (dropout, batchnorm, layernorm);
/// 2. loss penalties, summed in listed order and added to the loss before
///    differentiation, so values, gradients and Hessian-vector products of the
///    objective all include them;
/// 3. gradient transforms, in listed order (clipping sees the penalized gradient);
/// 4. the optimizer's step;
/// 5. decoupled steps, in listed order (weight decay);
/// 6. after each evaluation, the stopping rule (early stopping).
///
/// A combination that cannot apply is rejected by `init` (the same regularizer
/// twice, batchnorm with layernorm, `none` with anything else) and by
/// `validate(model:)` (a member the model has no slot for).
public struct RegularizerStack: Sendable {
    /// Members in canonical order, without `none`.
    public let members: [any Regularizer]

    /// Combines `regularizers`, rejecting combinations that cannot apply.
    public init(_ regularizers: [any Regularizer]) throws(RegularizerError) {
        var seen: [String] = []
        for r in regularizers {
            if seen.contains(r.id) { throw .duplicate(regularizer: r.id) }
            seen.append(r.id)
        }
        if seen.contains(BatchNorm.id) && seen.contains(LayerNorm.id) {
            throw .incompatible(regularizer: LayerNorm.id, other: BatchNorm.id)
        }
        if seen.contains(NoRegularizer.id), let other = seen.first(where: { $0 != NoRegularizer.id }) {
            throw .incompatible(regularizer: NoRegularizer.id, other: other)
        }
        members = regularizers.filter { $0.id != NoRegularizer.id }
            .sorted { RegularizerRegistry.rank(of: $0.id) < RegularizerRegistry.rank(of: $1.id) }
    }

    /// Builds each entry through `RegularizerRegistry.make` and combines them.
    public init(entries: [(id: String, params: Params)]) throws(RegularizerError) {
        var built: [any Regularizer] = []
        for e in entries { built.append(try RegularizerRegistry.make(id: e.id, params: e.params)) }
        try self.init(built)
    }

    /// No regularization.
    public static var none: RegularizerStack { RegularizerStack(checked: []) }

    private init(checked members: [any Regularizer]) { self.members = members }

    /// Canonical short name with resolved parameters, members joined by `+`, e.g.
    /// `dropout(p=0.2)+grad_clip(max_norm=1.0)`; `none` when empty.
    public var canonicalName: String {
        members.isEmpty ? NoRegularizer.id : members.map(\.canonicalName).joined(separator: "+")
    }

    /// Bare ids joined by `+`, e.g. `dropout+grad_clip`; `none` when empty.
    public var id: String { members.isEmpty ? NoRegularizer.id : memberIDs.joined(separator: "+") }

    /// Bare ids of the members in canonical order.
    public var memberIDs: [String] { members.map(\.id) }

    /// Throws for the first member the model cannot take.
    public func validate(model: any Model) throws(RegularizerError) {
        for r in members { try r.validate(model: model) }
    }

    /// Applies every member's model transform to `context`, in listed order.
    public func configure(_ context: inout ForwardContext) {
        for r in members { r.configure(&context) }
    }

    /// Normalization the model is built with (at most one member sets it).
    public var normalization: ForwardContext.Normalization {
        members.lazy.map(\.normalization).first { $0 != .none } ?? .none
    }

    /// Sum of the members' penalties in listed order, or nil when none adds one.
    public func penalty<S: Scalar>(_ parameters: [Variable<S>], specs: [ParameterSpec]) -> Variable<S>? {
        var total: Variable<S>? = nil
        for r in members {
            guard let p = r.penalty(parameters, specs: specs) else { continue }
            total = total.map { $0 + p } ?? p
        }
        return total
    }

    /// Applies the members' gradient transforms in listed order; true when any of
    /// them changed the gradient.
    @discardableResult
    public func transformGradient<S: Scalar>(_ g: inout [S], layout: ParameterLayout) -> Bool {
        var changed = false
        for r in members { changed = r.transformGradient(&g, layout: layout) || changed }
        return changed
    }

    /// Whether any member transforms gradients (clipping), i.e. whether counting
    /// transformed gradients means anything for this run.
    public var transformsGradients: Bool { members.contains { $0.transformsGradients } }

    /// Applies the members' decoupled steps in listed order, after the optimizer's step.
    public func afterStep<S: Scalar>(_ x: inout [S], learningRate: Double, layout: ParameterLayout) {
        for r in members { r.afterStep(&x, learningRate: learningRate, layout: layout) }
    }

    /// Label smoothing for `softmaxCrossEntropy`, or nil.
    public var labelSmoothing: Double? { members.lazy.compactMap(\.labelSmoothing).first }

    /// True when a member makes the objective stochastic.
    public var isStochastic: Bool { members.contains { $0.isStochastic } }

    /// The stopping rule, or nil when the combination has none.
    public var earlyStopping: (patience: Int, minDelta: Double)? {
        for r in members { if let e = r.earlyStopping { return e } }
        return nil
    }

    /// Fresh early-stopping state for one run, or nil when there is no stopping rule.
    public func makeEarlyStopping<S: Scalar>(_ type: S.Type = S.self) -> EarlyStopping<S>? {
        earlyStopping.map { EarlyStopping(patience: $0.patience, minDelta: $0.minDelta) }
    }

    /// True for `none` (no members: training is unchanged).
    public var isEmpty: Bool { members.isEmpty }
}
