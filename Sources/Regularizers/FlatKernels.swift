import Engine

/// Tight loops over flat parameter and gradient buffers.
///
/// Reductions use eight partial sums in a fixed assignment (element i goes to
/// partial i mod 8 for the leading multiple of 8), combined by the fixed tree
/// ((p0+p1)+(p2+p3)) + ((p4+p5)+(p6+p7)), then the tail added in index order. The
/// order is written in the code, not chosen by the compiler or the SIMD width, so
/// every build gives the same bits.
enum FlatKernels {
    @inline(__always)
    private static func load<S: Scalar>(_ raw: UnsafeRawPointer, _ i: Int) -> SIMD8<S> {
        raw.loadUnaligned(fromByteOffset: i &* MemoryLayout<S>.stride, as: SIMD8<S>.self)
    }

    @inline(__always)
    private static func combine<S: Scalar>(_ p: SIMD8<S>) -> S {
        ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]))
    }

    /// Sum of x_i^2.
    static func sumOfSquares<S: Scalar>(_ x: UnsafeBufferPointer<S>) -> S {
        guard let base = x.baseAddress, x.count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base), n = x.count
        var acc = SIMD8<S>(), i = 0
        while i + 8 <= n {
            let v: SIMD8<S> = load(raw, i)
            acc += v * v
            i += 8
        }
        var s = combine(acc)
        while i < n { s += x[i] * x[i]; i += 1 }
        return s
    }

    /// Sum of |x_i|.
    static func sumOfMagnitudes<S: Scalar>(_ x: UnsafeBufferPointer<S>) -> S {
        guard let base = x.baseAddress, x.count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base), n = x.count
        var acc = SIMD8<S>(), i = 0
        while i + 8 <= n {
            let v: SIMD8<S> = load(raw, i)
            acc += v.replacing(with: -v, where: v .< 0)
            i += 8
        }
        var s = combine(acc)
        while i < n { s += Swift.abs(x[i]); i += 1 }
        return s
    }

    /// Sum over k = 1 ..< n of (x_k - x_{k-1})^2 (neighbours in storage order, no wrap-around).
    static func sumOfSquaredNeighbourDifferences<S: Scalar>(_ x: UnsafeBufferPointer<S>) -> S {
        guard let base = x.baseAddress, x.count > 1 else { return 0 }
        let raw = UnsafeRawPointer(base), n = x.count
        var acc = SIMD8<S>(), k = 1
        while k + 8 <= n {
            let d: SIMD8<S> = load(raw, k) - load(raw, k - 1)
            acc += d * d
            k += 8
        }
        var s = combine(acc)
        while k < n { let d = x[k] - x[k - 1]; s += d * d; k += 1 }
        return s
    }

    /// out = L x with L the Laplacian of the path graph 0 - 1 - ... - (n-1):
    /// (L x)_k = (x_k - x_{k-1}) - (x_{k+1} - x_k), leaving out terms past either end.
    static func pathLaplacian<S: Scalar>(_ x: UnsafeBufferPointer<S>, into out: UnsafeMutableBufferPointer<S>) {
        let n = x.count
        precondition(out.count == n, "path Laplacian of \(n) values into \(out.count)")
        if n == 0 { return }
        if n == 1 { out[0] = 0; return }
        out[0] = x[0] - x[1]
        var k = 1
        while k < n - 1 { out[k] = (x[k] - x[k - 1]) - (x[k + 1] - x[k]); k += 1 }
        out[n - 1] = x[n - 1] - x[n - 2]
    }

    /// x_i *= factor.
    static func scale<S: Scalar>(_ x: UnsafeMutableBufferPointer<S>, by factor: S) {
        for i in 0..<x.count { x[i] *= factor }
    }

    /// x_i = min(max(x_i, -limit), limit); NaN stays NaN.
    static func clamp<S: Scalar>(_ x: UnsafeMutableBufferPointer<S>, limit: S) {
        for i in 0..<x.count {
            let v = x[i]
            if v > limit { x[i] = limit } else if v < -limit { x[i] = -limit }
        }
    }
}
