/// Plain (non-differentiable) loops behind the differentiable operations.
/// Every reduction runs in increasing index order, so results are deterministic.
enum TensorKernels {
    /// The numpy-style broadcast of two shapes (aligned at the right).
    static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            precondition(da == db || da == 1 || db == 1, "shapes \(a) and \(b) cannot be broadcast together")
            out[i] = da == 1 ? db : da
        }
        return out
    }

    /// Strides of `shape` laid out inside `outShape` (0 along broadcast axes).
    static func broadcastStrides(_ shape: [Int], in outShape: [Int]) -> [Int] {
        let offset = outShape.count - shape.count
        var strides = [Int](repeating: 0, count: outShape.count)
        var step = 1
        for i in Swift.stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i + offset] = shape[i] == 1 ? 0 : step
            step *= shape[i]
        }
        return strides
    }

    /// Visits every element of `outShape` in row-major order with the matching
    /// offsets in two broadcast operands.

    @inline(__always)
    static func forEachOffset(_ outShape: [Int], _ sa: [Int], _ sb: [Int], _ body: (Int, Int, Int) -> Void) {
        let total = outShape.reduce(1, *)
        if total == 0 { return }
        let rank = outShape.count
        if rank == 0 { body(0, 0, 0); return }
        var counter = [Int](repeating: 0, count: rank)
        var ia = 0, ib = 0
        let inner = outShape[rank - 1], ia1 = sa[rank - 1], ib1 = sb[rank - 1]
        var i = 0
        while i < total {
            var a = ia, b = ib
            for j in 0..<inner { body(i + j, a, b); a += ia1; b += ib1 }
            i += inner
            var d = rank - 2
            while d >= 0 {
                counter[d] += 1; ia += sa[d]; ib += sb[d]
                if counter[d] < outShape[d] { break }
                ia -= sa[d] * outShape[d]; ib -= sb[d] * outShape[d]; counter[d] = 0
                d -= 1
            }
        }
    }

    /// Elementwise `f(a, b)` with broadcasting.

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    static func binary<S: Scalar>(_ a: Tensor<S>, _ b: Tensor<S>, _ f: (S, S) -> S) -> Tensor<S> {
        if a.shape == b.shape {
            let out = [S](unsafeUninitializedCapacity: a.count) { buf, n in
                a.data.withUnsafeBufferPointer { pa in
                    b.data.withUnsafeBufferPointer { pb in
                        for i in 0..<pa.count { buf[i] = f(pa[i], pb[i]) }
                    }
                }
                n = a.count
            }
            return Tensor(shape: a.shape, data: out)
        }
        let shape = broadcastShape(a.shape, b.shape)
        let total = shape.reduce(1, *)
        if b.count == 1 && a.count == total {
            let s = b.data[0]
            return Tensor(shape: shape, data: a.data.map { f($0, s) })
        }
        if a.count == 1 && b.count == total {
            let s = a.data[0]
            return Tensor(shape: shape, data: b.data.map { f(s, $0) })
        }
        // Row broadcast: b is the trailing block of a (bias over a batch).
        if a.count == total, b.count > 0, total % b.count == 0, Array(shape.suffix(b.rank)) == b.shape {
            let n = b.count
            let out = [S](unsafeUninitializedCapacity: total) { buf, k in
                a.data.withUnsafeBufferPointer { pa in
                    b.data.withUnsafeBufferPointer { pb in
                        var i = 0
                        while i < total { for j in 0..<n { buf[i + j] = f(pa[i + j], pb[j]) }; i += n }
                    }
                }
                k = total
            }
            return Tensor(shape: shape, data: out)
        }
        // Column broadcast: b holds one value per row of a (shape [..., 1]).
        if a.count == total, let inner = a.shape.last, inner > 0, b.count * inner == total,
           b.shape.last == 1, Array(b.shape.dropLast()) == Array(shape.dropLast()).suffix(b.rank - 1),
           b.rank == shape.count {
            let out = [S](unsafeUninitializedCapacity: total) { buf, k in
                a.data.withUnsafeBufferPointer { pa in
                    b.data.withUnsafeBufferPointer { pb in
                        for r in 0..<pb.count {
                            let v = pb[r], base = r * inner
                            for j in 0..<inner { buf[base + j] = f(pa[base + j], v) }
                        }
                    }
                }
                k = total
            }
            return Tensor(shape: shape, data: out)
        }
        let sa = broadcastStrides(a.shape, in: shape), sb = broadcastStrides(b.shape, in: shape)
        var out = [S](repeating: 0, count: total)
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    forEachOffset(shape, sa, sb) { i, ia, ib in po[i] = f(pa[ia], pb[ib]) }
                }
            }
        }
        return Tensor(shape: shape, data: out)
    }

    /// Elementwise `f(x)`.

    @_specialize(where S == Float)

    @_specialize(where S == Double)

    static func unary<S: Scalar>(_ x: Tensor<S>, _ f: (S) -> S) -> Tensor<S> {
        let out = [S](unsafeUninitializedCapacity: x.count) { buf, n in
            x.data.withUnsafeBufferPointer { px in for i in 0..<px.count { buf[i] = f(px[i]) } }
            n = x.count
        }
        return Tensor(shape: x.shape, data: out)
    }

    /// Sums `x` down to `shape` (which must broadcast to `x.shape`), in increasing
    /// index order of `x`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func sumTo<S: Scalar>(_ x: Tensor<S>, _ shape: [Int]) -> Tensor<S> {
        if x.shape == shape { return x }
        let total = shape.reduce(1, *)
        var out = [S](repeating: 0, count: total)
        if total == 1 {
            var acc: S = 0
            for v in x.data { acc += v }
            out[0] = acc
            return Tensor(shape: shape, data: out)
        }
        // Row sums: the target keeps every axis but the last, which becomes 1.
        if shape.count == x.shape.count, shape.last == 1, Array(shape.dropLast()) == Array(x.shape.dropLast()),
           let inner = x.shape.last {
            out.withUnsafeMutableBufferPointer { po in
                x.data.withUnsafeBufferPointer { px in
                    for r in 0..<total {
                        var acc: S = 0
                        let base = r * inner
                        for j in 0..<inner { acc += px[base + j] }
                        po[r] = acc
                    }
                }
            }
            return Tensor(shape: shape, data: out)
        }
        let trailing = Array(x.shape.suffix(shape.count)) == shape
        out.withUnsafeMutableBufferPointer { po in
            x.data.withUnsafeBufferPointer { px in
                if trailing {
                    var i = 0
                    while i < px.count { for j in 0..<total { po[j] += px[i + j] }; i += total }
                } else {
                    precondition(broadcastShape(shape, x.shape) == x.shape, "cannot sum \(x.shape) to \(shape)")
                    let so = broadcastStrides(shape, in: x.shape)
                    let sx = broadcastStrides(x.shape, in: x.shape)
                    forEachOffset(x.shape, sx, so) { _, ix, io in po[io] += px[ix] }
                }
            }
        }
        return Tensor(shape: shape, data: out)
    }

    /// Repeats `x` along broadcast axes to `shape`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func broadcastTo<S: Scalar>(_ x: Tensor<S>, _ shape: [Int]) -> Tensor<S> {
        if x.shape == shape { return x }
        precondition(broadcastShape(x.shape, shape) == shape, "cannot broadcast \(x.shape) to \(shape)")
        let total = shape.reduce(1, *)
        if x.count == 1 { return Tensor(repeating: x.data[0], shape: shape) }
        if x.rank == shape.count, x.shape.last == 1, Array(x.shape.dropLast()) == Array(shape.dropLast()),
           let inner = shape.last {
            let out = [S](unsafeUninitializedCapacity: total) { buf, k in
                x.data.withUnsafeBufferPointer { px in
                    for r in 0..<px.count { for j in 0..<inner { buf[r * inner + j] = px[r] } }
                }
                k = total
            }
            return Tensor(shape: shape, data: out)
        }
        if x.count > 0, total % x.count == 0, Array(shape.suffix(x.rank)) == x.shape {
            let n = x.count
            let out = [S](unsafeUninitializedCapacity: total) { buf, k in
                x.data.withUnsafeBufferPointer { px in
                    var i = 0
                    while i < total { for j in 0..<n { buf[i + j] = px[j] }; i += n }
                }
                k = total
            }
            return Tensor(shape: shape, data: out)
        }
        var out = [S](repeating: 0, count: total)
        let sx = broadcastStrides(x.shape, in: shape), so = broadcastStrides(shape, in: shape)
        x.data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { po in
                forEachOffset(shape, so, sx) { _, io, ix in po[io] = px[ix] }
            }
        }
        return Tensor(shape: shape, data: out)
    }

    /// Splits `shape` around `axis` into (outer, length, inner) extents.
    static func around(_ shape: [Int], axis: Int) -> (outer: Int, length: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }
}
