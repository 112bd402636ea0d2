import Engine

/// Batch normalization of features `[B, F]` (Ioffe and Szegedy, 2015, Algorithm 1),
/// with the conventions of `torch.nn.BatchNorm1d`.
///
/// Training mode normalizes with the batch mean and biased batch variance and
/// updates the running statistics in `state.buffers` (`<name>.running_mean`,
/// `<name>.running_var`, starting at 0 and 1) as new = (1 - m) old + m batch, using
/// the unbiased batch variance B / (B - 1) var. Evaluation mode normalizes with the
/// running statistics. Parameters `<name>.weight` (gain, ones) and `<name>.bias`
/// (zeros), both `[F]`.
public struct BatchNorm: Sendable {
    public let name: String
    public let features: Int
    public let specs: [ParameterSpec]

    public init(name: String, features: Int) {
        precondition(features > 0, "BatchNorm \(name) needs a positive size")
        self.name = name; self.features = features
        specs = [ParameterSpec(name: name + ".weight", shape: [features], role: .gain, initializer: .ones),
                 ParameterSpec(name: name + ".bias", shape: [features], role: .bias, initializer: .zeros)]
    }

    public var runningMeanKey: String { name + ".running_mean" }
    public var runningVarianceKey: String { name + ".running_var" }

    public func callAsFunction<S: Scalar>(_ x: Variable<S>, context: ForwardContext, state: inout ModelState<S>,
                                          _ p: inout ParameterCursor<S>) -> Variable<S> {
        precondition(x.shape.count == 2 && x.shape[1] == features, "BatchNorm \(name) of shape \(x.shape)")
        let gain = p.next(specs[0]), bias = p.next(specs[1])
        let tape = x.tape
        let runningMean = state.buffers[runningMeanKey] ?? Tensor(repeating: 0, shape: [features])
        let runningVar = state.buffers[runningVarianceKey] ?? Tensor(repeating: 1, shape: [features])
        let eps = S(context.normEpsilon)
        if context.mode == .eval {
            let centered = x - tape.constant(runningMean)
            return centered / (tape.constant(runningVar) + eps).sqrt() * gain + bias
        }
        let batch = x.shape[0]
        // Statistics of shape [F] broadcast over the batch as trailing blocks.
        let mean = x.mean(axis: 0)
        let centered = x - mean
        let variance = (centered * centered).mean(axis: 0)
        let m = S(context.batchNormMomentum)
        let unbiased = S(Double(batch) / Double(max(batch - 1, 1)))
        state.buffers[runningMeanKey] = Tensor(shape: [features], data: (0..<features).map {
            (1 - m) * runningMean.data[$0] + m * mean.value.data[$0]
        })
        state.buffers[runningVarianceKey] = Tensor(shape: [features], data: (0..<features).map {
            (1 - m) * runningVar.data[$0] + m * unbiased * variance.value.data[$0]
        })
        return centered / (variance + eps).sqrt() * gain + bias
    }
}
