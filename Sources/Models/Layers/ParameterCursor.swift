import Engine

/// Hands a model's parameter variables to its layers in `parameterSpecs` order.
///
/// Layers declare their specs and consume their variables in the same order; the
/// cursor checks each shape so a mismatch between the two fails loudly.
public struct ParameterCursor<S: Scalar> {
    public let variables: [Variable<S>]
    public private(set) var position = 0

    public init(_ variables: [Variable<S>]) { self.variables = variables }

    /// The next variable, which must have the shape of `spec`.
    public mutating func next(_ spec: ParameterSpec) -> Variable<S> {
        precondition(position < variables.count, "parameter \(spec.name) missing: only \(variables.count) given")
        let v = variables[position]
        precondition(v.shape == spec.shape, "parameter \(spec.name) has shape \(v.shape), expected \(spec.shape)")
        position += 1
        return v
    }

    /// True when every variable has been consumed.
    public var isExhausted: Bool { position == variables.count }
}
