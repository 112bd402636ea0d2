/// Reductions. Sums run in increasing index order (deterministic).
extension Variable {
    /// Sum of all elements (shape `[]`).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func sum() -> Variable { sum(to: []) }

    /// Mean of all elements.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func mean() -> Variable { sum() * (1 / S(Swift.max(value.count, 1))) }

    /// Sum over `axis`; keeps the axis with length 1 when `keepDims`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func sum(axis: Int, keepDims: Bool = false) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        var kept = shape; kept[a] = 1
        let s = sum(to: kept)
        if keepDims { return s }
        var dropped = shape; dropped.remove(at: a)
        return s.reshaped(dropped)
    }

    /// Mean over `axis`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func mean(axis: Int, keepDims: Bool = false) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        return sum(axis: a, keepDims: keepDims) * (1 / S(shape[a]))
    }

    /// Maximum over `axis` (first maximum wins ties); the gradient flows to the
    /// arg-max positions only.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func max(axis: Int, keepDims: Bool = false) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        let (outer, length, inner) = TensorKernels.around(shape, axis: a)
        precondition(length > 0, "max over an empty axis of shape \(shape)")
        var out = [S](repeating: 0, count: outer * inner)
        var mask = [S](repeating: 0, count: value.count)
        value.data.withUnsafeBufferPointer { x in
            for o in 0..<outer {
                for i in 0..<inner {
                    var best = x[o * length * inner + i], arg = 0
                    for l in 1..<length {
                        let v = x[(o * length + l) * inner + i]
                        if v > best || (v.isNaN && !best.isNaN) { best = v; arg = l }
                    }
                    out[o * inner + i] = best
                    mask[(o * length + arg) * inner + i] = 1
                }
            }
        }
        var kept = shape; kept[a] = 1
        let full = shape
        let maskTensor = Tensor(shape: full, data: mask)
        let reduced = tape.record(Tensor(shape: kept, data: out), inputs: [self]) { c in
            [c.gradient.broadcast(to: full) * c.gradient.tape.constant(maskTensor)]
        }
        if keepDims { return reduced }
        var dropped = shape; dropped.remove(at: a)
        return reduced.reshaped(dropped)
    }

    /// log sum exp over the last axis, stabilised by the (constant) row maximum.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func logSumExp(keepDims: Bool = true) -> Variable {
        let m = max(axis: -1, keepDims: true).detached()
        let r = (self - m).exp().sum(axis: -1, keepDims: true).log() + m
        if keepDims { return r }
        return r.reshaped(Array(shape.dropLast()))
    }

    /// log softmax over the last axis: x - logsumexp(x). Its backward rule
    /// g - softmax * sum(g) is written with the output, so it can be differentiated again.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func logSoftmax() -> Variable {
        let n = shape.last ?? 1
        let rows = n == 0 ? 0 : value.count / n
        var out = [S](repeating: 0, count: value.count)
        value.data.withUnsafeBufferPointer { x in
            for r in 0..<rows {
                let base = r * n
                var m = x[base]
                for j in 1..<n where x[base + j] > m { m = x[base + j] }
                var s: S = 0
                for j in 0..<n { s += S.exp(x[base + j] - m) }
                let lse = m + S.log(s)
                for j in 0..<n { out[base + j] = x[base + j] - lse }
            }
        }
        return tape.record(Tensor(shape: shape, data: out), inputs: [self]) { c in
            [c.gradient - c.output.exp() * c.gradient.sum(axis: -1, keepDims: true)]
        }
    }

    /// softmax over the last axis.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func softmax() -> Variable { logSoftmax().exp() }
}
