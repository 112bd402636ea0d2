import Engine

/// Affine map y = x W + b of rows: `[N, inputs] -> [N, outputs]`.
///
/// Parameters `<name>.weight` `[inputs, outputs]` (stored input-major, the
/// transpose of torch's layout, so the forward product needs no transposition)
/// and, when `bias`, `<name>.bias` `[outputs]`.
public struct Linear: Sendable {
    public let name: String
    public let inputs: Int
    public let outputs: Int
    public let specs: [ParameterSpec]

    public init(name: String, inputs: Int, outputs: Int, bias: Bool = true, scheme: InitScheme) {
        precondition(inputs > 0 && outputs > 0, "Linear \(name) needs positive sizes")
        self.name = name; self.inputs = inputs; self.outputs = outputs
        var specs = [ParameterSpec(name: name + ".weight", shape: [inputs, outputs], role: .weight,
                                   initializer: scheme.weight(fanIn: inputs, fanOut: outputs))]
        if bias {
            specs.append(ParameterSpec(name: name + ".bias", shape: [outputs], role: .bias,
                                       initializer: scheme.bias(fanIn: inputs)))
        }
        self.specs = specs
    }

    /// Applies the map to `x` `[N, inputs]`.
    public func callAsFunction<S: Scalar>(_ x: Variable<S>, _ p: inout ParameterCursor<S>) -> Variable<S> {
        let w = p.next(specs[0])
        let y = x.matmul(w)
        return specs.count > 1 ? y + p.next(specs[1]) : y
    }
}
