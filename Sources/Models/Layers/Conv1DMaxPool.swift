import Engine

/// A 1-D convolution over time with ReLU and max-over-time pooling, the feature
/// extractor of Kim's text CNN (Kim, 2014, "Convolutional Neural Networks for
/// Sentence Classification", section 2).
///
/// Dimension letters: B batch, T steps, E input channels, w width, F filters,
/// T' = max(T - w + 1, 1) window starts. Window s of sequence b covers steps
/// s ..< s + w; steps at or beyond the sequence's length read zeros, and only the
/// windows starting before max(length - w + 1, 1) take part in the maximum, so padding
/// never influences the result. The convolution is one product of the stacked windows
/// `[B T', w E]` with `<name>.weight` `[w E, F]`, plus `<name>.bias` `[F]`.
public struct Conv1DMaxPool: Sendable {
    public let name: String
    public let inputs: Int
    public let filters: Int
    public let width: Int
    public let specs: [ParameterSpec]

    public init(name: String, inputs: Int, filters: Int, width: Int, scheme: InitScheme) {
        precondition(inputs > 0 && filters > 0 && width > 0, "Conv1D \(name) needs positive sizes")
        self.name = name; self.inputs = inputs; self.filters = filters; self.width = width
        specs = [ParameterSpec(name: name + ".weight", shape: [width * inputs, filters], role: .weight,
                               initializer: scheme.weight(fanIn: width * inputs, fanOut: width * filters)),
                 ParameterSpec(name: name + ".bias", shape: [filters], role: .bias,
                               initializer: scheme.bias(fanIn: width * inputs))]
    }

    /// Pools `x` `[B * T, E]` (batch-major: row `b * T + t`) to `[B, F]`.
    public func callAsFunction<S: Scalar>(_ x: Variable<S>, batch: Int, steps: Int, lengths: [Int],
                                          _ p: inout ParameterCursor<S>) -> Variable<S> {
        precondition(x.shape == [batch * steps, inputs], "Conv1D \(name) input \(x.shape)")
        let weight = p.next(specs[0]), bias = p.next(specs[1])
        let starts = max(steps - width + 1, 1)
        var windows: [Variable<S>] = []
        for k in 0..<width {
            var rows = [Int](repeating: -1, count: batch * starts)
            for b in 0..<batch {
                for s in 0..<starts where s + k < min(lengths[b], steps) { rows[b * starts + s] = b * steps + s + k }
            }
            windows.append(x.gatherRows(rows))
        }
        let stacked = windows.count == 1 ? windows[0] : Variable.concat(windows, axis: 1)
        var activation = (stacked.matmul(weight) + bias).relu()
        var valid = [S](repeating: 0, count: batch * starts)
        for b in 0..<batch {
            for s in 0..<min(max(lengths[b] - width + 1, 1), starts) where lengths[b] > 0 { valid[b * starts + s] = 1 }
        }
        // ReLU outputs are >= 0, so zeroing invalid windows leaves the maximum over valid ones.
        if valid.contains(0) { activation = activation.masked(by: Tensor(shape: [batch * starts, 1], data: valid)) }
        return activation.reshaped([batch, starts, filters]).max(axis: 1)
    }
}
