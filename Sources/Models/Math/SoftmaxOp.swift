import Engine

extension Variable {
    /// softmax over the last axis as one primitive: y_j = e^(x_j - m) / sum_k e^(x_k - m)
    /// with m the row maximum, one exponential per element.
    ///
    /// The backward rule dx = y (g - sum_k g_k y_k) is written with the output y in
    /// differentiable operations, so the result can be differentiated twice; unlike
    /// `logSoftmax().exp()` it needs no further exponentials in either pass (the
    /// attention weights are the largest softmax inputs of the models).
    public func softmaxLastAxis() -> Variable {
        let n = shape.last ?? 1
        let rows = n == 0 ? 0 : value.count / n
        var out = [S](repeating: 0, count: value.count)
        value.data.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                for r in 0..<rows {
                    let base = r * n
                    var m = x[base]
                    for j in 1..<n where x[base + j] > m { m = x[base + j] }
                    var sum: S = 0
                    for j in 0..<n {
                        let e = S.exp(x[base + j] - m)
                        y[base + j] = e
                        sum += e
                    }
                    let inverse = 1 / sum
                    for j in 0..<n { y[base + j] *= inverse }
                }
            }
        }
        return tape.record(Tensor(shape: shape, data: out), inputs: [self]) { c in
            let y = c.output
            return [y * (c.gradient - (c.gradient * y).sum(axis: -1, keepDims: true))]
        }
    }
}
