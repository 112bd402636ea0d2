import Engine

/// Tight loops over flat parameter and gradient buffers.
///
/// Reductions use eight partial sums in a fixed assignment (element i goes to
/// partial i mod 8 for the leading multiple of 8), combined by the fixed tree
/// ((p0+p1)+(p2+p3)) + ((p4+p5)+(p6+p7)), then the tail added in index order. The
/// order is written in the code, not chosen by the compiler or the SIMD width, so
/// every build gives the same bits.
///
/// Each entry point hands `Float` and `Double` buffers to a body compiled for that
/// concrete type: regularizers are called through `any Regularizer`, where generic
/// code is not specialized and would run about a hundred times slower.
enum FlatKernels {
    // MARK: Entry points

    /// Sum of x_i^2.
    static func sumOfSquares<S: Scalar>(_ x: UnsafeBufferPointer<S>) -> S {
        if S.self == Float.self { return cast(x.withMemoryRebound(to: Float.self) { squares($0) }) }
        if S.self == Double.self { return cast(x.withMemoryRebound(to: Double.self) { squares($0) }) }
        return squares(x)
    }

    /// Sum of |x_i|.
    static func sumOfMagnitudes<S: Scalar>(_ x: UnsafeBufferPointer<S>) -> S {
        if S.self == Float.self { return cast(x.withMemoryRebound(to: Float.self) { magnitudes($0) }) }
        if S.self == Double.self { return cast(x.withMemoryRebound(to: Double.self) { magnitudes($0) }) }
        return magnitudes(x)
    }

    /// Sum over k = 1 ..< n of (x_k - x_{k-1})^2 (neighbours in storage order, no wrap-around).
    static func sumOfSquaredNeighbourDifferences<S: Scalar>(_ x: UnsafeBufferPointer<S>) -> S {
        if S.self == Float.self { return cast(x.withMemoryRebound(to: Float.self) { neighbourDifferences($0) }) }
        if S.self == Double.self { return cast(x.withMemoryRebound(to: Double.self) { neighbourDifferences($0) }) }
        return neighbourDifferences(x)
    }

    /// Sum of x_i * y_i.
    static func dot<S: Scalar>(_ x: UnsafeBufferPointer<S>, _ y: UnsafeBufferPointer<S>) -> S {
        precondition(x.count == y.count, "dot of \(x.count) and \(y.count) values")
        if S.self == Float.self {
            return cast(x.withMemoryRebound(to: Float.self) { a in y.withMemoryRebound(to: Float.self) { products(a, $0) } })
        }
        if S.self == Double.self {
            return cast(x.withMemoryRebound(to: Double.self) { a in y.withMemoryRebound(to: Double.self) { products(a, $0) } })
        }
        return products(x, y)
    }

    /// out = lambda x + mu L x with L the Laplacian of the path graph 0 - 1 - ... - (n-1):
    /// (L x)_k = (x_k - x_{k-1}) - (x_{k+1} - x_k), leaving out terms past either end.
    static func shiftedPathLaplacian<S: Scalar>(_ x: UnsafeBufferPointer<S>, lambda: S, mu: S,
                                                into out: UnsafeMutableBufferPointer<S>) {
        precondition(out.count == x.count, "path Laplacian of \(x.count) values into \(out.count)")
        if S.self == Float.self {
            x.withMemoryRebound(to: Float.self) { a in
                out.withMemoryRebound(to: Float.self) { laplacian(a, cast(lambda), cast(mu), $0) }
            }
        } else if S.self == Double.self {
            x.withMemoryRebound(to: Double.self) { a in
                out.withMemoryRebound(to: Double.self) { laplacian(a, cast(lambda), cast(mu), $0) }
            }
        } else {
            laplacian(x, lambda, mu, out)
        }
    }

    /// out_i = x_i * factor (`out` may be `x`).
    static func scale<S: Scalar>(_ x: UnsafeBufferPointer<S>, by factor: S, into out: UnsafeMutableBufferPointer<S>) {
        precondition(out.count == x.count, "scale of \(x.count) values into \(out.count)")
        if S.self == Float.self {
            x.withMemoryRebound(to: Float.self) { a in out.withMemoryRebound(to: Float.self) { multiply(a, cast(factor), $0) } }
        } else if S.self == Double.self {
            x.withMemoryRebound(to: Double.self) { a in out.withMemoryRebound(to: Double.self) { multiply(a, cast(factor), $0) } }
        } else {
            multiply(x, factor, out)
        }
    }

    /// x_i *= factor.
    static func scale<S: Scalar>(_ x: UnsafeMutableBufferPointer<S>, by factor: S) {
        scale(UnsafeBufferPointer(x), by: factor, into: x)
    }

    /// out_i = factor * sign(x_i), with sign 1, -1, or 0 for zeros and NaN.
    static func sign<S: Scalar>(_ x: UnsafeBufferPointer<S>, times factor: S, into out: UnsafeMutableBufferPointer<S>) {
        precondition(out.count == x.count, "sign of \(x.count) values into \(out.count)")
        if S.self == Float.self {
            x.withMemoryRebound(to: Float.self) { a in out.withMemoryRebound(to: Float.self) { signs(a, cast(factor), $0) } }
        } else if S.self == Double.self {
            x.withMemoryRebound(to: Double.self) { a in out.withMemoryRebound(to: Double.self) { signs(a, cast(factor), $0) } }
        } else {
            signs(x, factor, out)
        }
    }

    /// x_i = min(max(x_i, -limit), limit); NaN stays NaN. Returns whether any
    /// component changed.
    @discardableResult
    static func clamp<S: Scalar>(_ x: UnsafeMutableBufferPointer<S>, limit: S) -> Bool {
        if S.self == Float.self {
            return x.withMemoryRebound(to: Float.self) { clamped($0, cast(limit)) }
        } else if S.self == Double.self {
            return x.withMemoryRebound(to: Double.self) { clamped($0, cast(limit)) }
        } else {
            return clamped(x, limit)
        }
    }

    // MARK: Bodies (specialized at the concrete calls above)

    @inline(__always)
    private static func cast<A, B>(_ a: A) -> B { unsafeBitCast(a, to: B.self) }

    @inline(__always)
    private static func load<T: Scalar>(_ raw: UnsafeRawPointer, _ i: Int) -> SIMD8<T> {
        raw.loadUnaligned(fromByteOffset: i &* MemoryLayout<T>.stride, as: SIMD8<T>.self)
    }

    @inline(__always)
    private static func combine<T: Scalar>(_ p: SIMD8<T>) -> T {
        ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]))
    }

    private static func squares<T: Scalar>(_ x: UnsafeBufferPointer<T>) -> T {
        guard let base = x.baseAddress, x.count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base), n = x.count
        var acc = SIMD8<T>(), i = 0
        while i + 8 <= n {
            let v: SIMD8<T> = load(raw, i)
            acc += v * v
            i += 8
        }
        var s = combine(acc)
        while i < n { s += x[i] * x[i]; i += 1 }
        return s
    }

    private static func magnitudes<T: Scalar>(_ x: UnsafeBufferPointer<T>) -> T {
        guard let base = x.baseAddress, x.count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base), n = x.count
        var acc = SIMD8<T>(), i = 0
        while i + 8 <= n {
            var v: SIMD8<T> = load(raw, i)
            for j in 0..<8 { v[j] = Swift.abs(v[j]) }
            acc += v
            i += 8
        }
        var s = combine(acc)
        while i < n { s += Swift.abs(x[i]); i += 1 }
        return s
    }

    private static func neighbourDifferences<T: Scalar>(_ x: UnsafeBufferPointer<T>) -> T {
        guard let base = x.baseAddress, x.count > 1 else { return 0 }
        let raw = UnsafeRawPointer(base), n = x.count
        var acc = SIMD8<T>(), k = 1
        while k + 8 <= n {
            let d: SIMD8<T> = load(raw, k) - load(raw, k - 1)
            acc += d * d
            k += 8
        }
        var s = combine(acc)
        while k < n { let d = x[k] - x[k - 1]; s += d * d; k += 1 }
        return s
    }

    private static func products<T: Scalar>(_ x: UnsafeBufferPointer<T>, _ y: UnsafeBufferPointer<T>) -> T {
        guard let bx = x.baseAddress, let by = y.baseAddress, x.count > 0 else { return 0 }
        let rx = UnsafeRawPointer(bx), ry = UnsafeRawPointer(by), n = x.count
        var acc = SIMD8<T>(), i = 0
        while i + 8 <= n {
            let a: SIMD8<T> = load(rx, i), b: SIMD8<T> = load(ry, i)
            acc += a * b
            i += 8
        }
        var s = combine(acc)
        while i < n { s += x[i] * y[i]; i += 1 }
        return s
    }

    private static func laplacian<T: Scalar>(_ x: UnsafeBufferPointer<T>, _ lambda: T, _ mu: T,
                                             _ out: UnsafeMutableBufferPointer<T>) {
        let n = x.count
        if n == 0 { return }
        if n == 1 { out[0] = lambda * x[0]; return }
        out[0] = lambda * x[0] + mu * (x[0] - x[1])
        var k = 1
        while k < n - 1 { out[k] = lambda * x[k] + mu * ((x[k] - x[k - 1]) - (x[k + 1] - x[k])); k += 1 }
        out[n - 1] = lambda * x[n - 1] + mu * (x[n - 1] - x[n - 2])
    }

    private static func multiply<T: Scalar>(_ x: UnsafeBufferPointer<T>, _ factor: T, _ out: UnsafeMutableBufferPointer<T>) {
        for i in 0..<x.count { out[i] = x[i] * factor }
    }

    private static func signs<T: Scalar>(_ x: UnsafeBufferPointer<T>, _ factor: T, _ out: UnsafeMutableBufferPointer<T>) {
        for i in 0..<x.count { let v = x[i]; out[i] = v > 0 ? factor : (v < 0 ? -factor : 0) }
    }

    private static func clamped<T: Scalar>(_ x: UnsafeMutableBufferPointer<T>, _ limit: T) -> Bool {
        var changed = false
        for i in 0..<x.count {
            let v = x[i]
            if v > limit { x[i] = limit; changed = true } else if v < -limit { x[i] = -limit; changed = true }
        }
        return changed
    }
}
