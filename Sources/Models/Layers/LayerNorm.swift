import Engine

/// Layer normalization over the last axis (Ba, Kiros and Hinton, 2016):
/// y = (x - mean) / sqrt(var + eps) * gain + bias, with the biased variance of each
/// row, as `torch.nn.LayerNorm`. Parameters `<name>.weight` (gain, ones) and
/// `<name>.bias` (zeros), both `[features]`.
public struct LayerNorm: Sendable {
    public let name: String
    public let features: Int
    public let specs: [ParameterSpec]

    public init(name: String, features: Int) {
        precondition(features > 0, "LayerNorm \(name) needs a positive size")
        self.name = name; self.features = features
        specs = [ParameterSpec(name: name + ".weight", shape: [features], role: .gain, initializer: .ones),
                 ParameterSpec(name: name + ".bias", shape: [features], role: .bias, initializer: .zeros)]
    }

    /// Normalizes each row of `x` `[..., features]`.
    public func callAsFunction<S: Scalar>(_ x: Variable<S>, epsilon: Double, _ p: inout ParameterCursor<S>) -> Variable<S> {
        let gain = p.next(specs[0]), bias = p.next(specs[1])
        let centered = x - x.mean(axis: -1, keepDims: true)
        let variance = (centered * centered).mean(axis: -1, keepDims: true)
        return centered / (variance + S(epsilon)).sqrt() * gain + bias
    }
}
