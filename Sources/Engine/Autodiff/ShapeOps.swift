/// Operations that move elements without arithmetic: reshape, permute, slice,
/// pad and concatenate. Each backward rule is another movement operation.
extension Variable {
    /// The same elements with another shape.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func reshaped(_ newShape: [Int]) -> Variable {
        if newShape == shape { return self }
        let old = shape
        return tape.record(value.reshaped(newShape), inputs: [self]) { c in [c.gradient.reshaped(old)] }
    }

    /// Reorders axes: output axis i is input axis `axes[i]`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func permuted(_ axes: [Int]) -> Variable {
        precondition(axes.sorted() == Array(0..<shape.count), "permutation \(axes) does not fit shape \(shape)")
        if axes == Array(0..<shape.count) { return self }
        let outShape = axes.map { shape[$0] }
        var inStrides = [Int](repeating: 1, count: shape.count)
        for i in stride(from: shape.count - 2, through: 0, by: -1) { inStrides[i] = inStrides[i + 1] * shape[i + 1] }
        let permutedStrides = axes.map { inStrides[$0] }
        let outStrides = TensorKernels.broadcastStrides(outShape, in: outShape)
        var out = [S](repeating: 0, count: value.count)
        value.data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { po in
                TensorKernels.forEachOffset(outShape, outStrides, permutedStrides) { _, io, ix in po[io] = px[ix] }
            }
        }
        var inverse = [Int](repeating: 0, count: axes.count)
        for (i, a) in axes.enumerated() { inverse[a] = i }
        return tape.record(Tensor(shape: outShape, data: out), inputs: [self]) { c in [c.gradient.permuted(inverse)] }
    }

    /// Swaps the last two axes.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func transposed() -> Variable {
        var axes = Array(0..<shape.count)
        axes.swapAt(shape.count - 1, shape.count - 2)
        return permuted(axes)
    }

    /// Elements `start ..< start + length` along `axis`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func slice(axis: Int, start: Int, length: Int) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        precondition(start >= 0 && length >= 0 && start + length <= shape[a],
                     "slice \(start)..<\(start + length) out of range for axis \(a) of shape \(shape)")
        if start == 0 && length == shape[a] { return self }
        let (outer, full, inner) = TensorKernels.around(shape, axis: a)
        var out = [S](repeating: 0, count: outer * length * inner)
        value.data.withUnsafeBufferPointer { px in
            for o in 0..<outer {
                for l in 0..<length {
                    if inner == 0 { continue }
                    let src = (o * full + start + l) * inner, dst = (o * length + l) * inner
                    out.withUnsafeMutableBufferPointer { po in
                        (po.baseAddress! + dst).update(from: px.baseAddress! + src, count: inner)
                    }
                }
            }
        }
        var outShape = shape; outShape[a] = length
        let fullLength = full
        return tape.record(Tensor(shape: outShape, data: out), inputs: [self]) { c in
            [c.gradient.padded(axis: a, before: start, after: fullLength - start - length)]
        }
    }

    /// Inserts zeros along `axis` (the adjoint of `slice`).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func padded(axis: Int, before: Int, after: Int) -> Variable {
        let a = axis < 0 ? axis + shape.count : axis
        if before == 0 && after == 0 { return self }
        let (outer, length, inner) = TensorKernels.around(shape, axis: a)
        let full = length + before + after
        var out = [S](repeating: 0, count: outer * full * inner)
        value.data.withUnsafeBufferPointer { px in
            for o in 0..<outer {
                for l in 0..<length {
                    if inner == 0 { continue }
                    let src = (o * length + l) * inner, dst = (o * full + before + l) * inner
                    out.withUnsafeMutableBufferPointer { po in
                        (po.baseAddress! + dst).update(from: px.baseAddress! + src, count: inner)
                    }
                }
            }
        }
        var outShape = shape; outShape[a] = full
        return tape.record(Tensor(shape: outShape, data: out), inputs: [self]) { c in
            [c.gradient.slice(axis: a, start: before, length: length)]
        }
    }

    /// Joins values along `axis`; all other extents must agree.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func concat(_ parts: [Variable], axis: Int) -> Variable {
        precondition(!parts.isEmpty, "concat of nothing")
        let first = parts[0]
        let a = axis < 0 ? axis + first.shape.count : axis
        for p in parts {
            var s1 = p.shape, s0 = first.shape
            precondition(s1.count == s0.count, "concat of shapes \(s0) and \(s1)")
            s1[a] = 0; s0[a] = 0
            precondition(s1 == s0, "concat along axis \(a) of shapes \(first.shape) and \(p.shape)")
        }
        let lengths = parts.map { $0.shape[a] }
        let total = lengths.reduce(0, +)
        let (outer, _, inner) = TensorKernels.around(first.shape, axis: a)
        var out = [S](repeating: 0, count: outer * total * inner)
        var offset = 0
        for p in parts {
            let len = p.shape[a]
            p.value.data.withUnsafeBufferPointer { px in
                for o in 0..<outer {
                    if len * inner == 0 { continue }
                    let src = o * len * inner, dst = (o * total + offset) * inner
                    out.withUnsafeMutableBufferPointer { po in
                        (po.baseAddress! + dst).update(from: px.baseAddress! + src, count: len * inner)
                    }
                }
            }
            offset += len
        }
        var outShape = first.shape; outShape[a] = total
        return first.tape.record(Tensor(shape: outShape, data: out), inputs: parts) { c in
            var starts = [Int](); var s = 0
            for l in lengths { starts.append(s); s += l }
            return (0..<parts.count).map { i in
                c.needs[i] ? c.gradient.slice(axis: a, start: starts[i], length: lengths[i]) : nil
            }
        }
    }
}
