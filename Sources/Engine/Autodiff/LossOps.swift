/// Losses and activations composed from primitive operations, so they are twice
/// differentiable without rules of their own.
extension Variable {
    /// Mean softmax cross-entropy of logits `[..., C]` against integer labels, one per
    /// row; rows labelled -1 are ignored (padding) and excluded from the mean.
    /// With `smoothing` eps the target is (1 - eps) one-hot + eps / C uniform.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func softmaxCrossEntropy(labels: [Int], smoothing: S = 0) -> Variable {
        let c = shape.last ?? 1
        let logp = logSoftmax()
        let valid = labels.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let scale = 1 / S(Swift.max(valid, 1))
        let nll = -(logp.pick(labels).sum())
        if smoothing == 0 { return nll * scale }
        let rows = labels.count
        let rowMask = Tensor(shape: [rows, c], data: labels.flatMap { l in [S](repeating: l >= 0 ? 1 : 0, count: c) })
        let uniform = -(logp.reshaped([rows, c]).masked(by: rowMask).sum()) * (1 / S(c))
        return (nll * (1 - smoothing) + uniform * smoothing) * scale
    }

    /// Mean squared error against constant targets of the same shape.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func meanSquaredError(_ target: Tensor<S>) -> Variable {
        precondition(shape == target.shape, "MSE of shapes \(shape) and \(target.shape)")
        let d = self - tape.constant(target)
        return (d * d).mean()
    }

    /// GELU with the exact Gaussian CDF: x * Phi(x) = x/2 (1 + erf(x / sqrt 2)).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func gelu() -> Variable {
        self * (((self * S(0.7071067811865476)).erf() + 1) * S(0.5))
    }
}
