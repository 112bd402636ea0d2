import Engine

/// Double-precision vector arithmetic in a fixed summation order (index 0
/// upward), so every estimate is reproducible bit for bit.
enum VectorOps {
    /// Inner product sum_i a_i b_i, accumulated left to right.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "dot of lengths \(a.count) and \(b.count)")
        var s = 0.0
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                for i in 0..<pa.count { s += pa[i] * pb[i] }
            }
        }
        return s
    }

    /// Euclidean norm.
    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    /// y <- y + alpha x.
    static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        precondition(x.count == y.count, "axpy of lengths \(x.count) and \(y.count)")
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                for i in 0..<px.count { py[i] += alpha * px[i] }
            }
        }
    }

    /// x scaled by alpha.
    static func scaled(_ x: [Double], _ alpha: Double) -> [Double] { x.map { $0 * alpha } }

    /// Converts to the scalar type of the Hessian-vector product.
    static func toScalar<S: Scalar>(_ x: [Double], as: S.Type) -> [S] {
        if S.self == Double.self { return unsafeBitCast(x, to: [S].self) }
        return x.map { S($0) }
    }

    /// Converts a Hessian-vector product to Double.
    static func toDouble<S: Scalar>(_ x: [S]) -> [Double] {
        if S.self == Double.self { return unsafeBitCast(x, to: [Double].self) }
        return x.map { Double($0) }
    }

    /// Applies `hvp` to a Double vector and returns the product in Double.
    static func apply<S: Scalar>(_ hvp: ([S]) -> [S], to x: [Double]) -> [Double] {
        let product = toDouble(hvp(toScalar(x, as: S.self)))
        precondition(product.count == x.count,
                     "Hessian-vector product has length \(product.count), expected \(x.count)")
        return product
    }

    /// A Rademacher vector (entries +1 or -1 with probability 1/2 each), one
    /// random bit per entry taken from successive 32-bit draws, low bit first.
    static func rademacher(_ n: Int, stream: inout RandomStream) -> [Double] {
        var out = [Double](repeating: 0, count: n)
        var bits: UInt32 = 0
        for i in 0..<n {
            if i % 32 == 0 { bits = stream.nextUInt32() }
            out[i] = bits & 1 == 1 ? 1 : -1
            bits >>= 1
        }
        return out
    }

    /// A vector of independent standard normal draws.
    static func gaussian(_ n: Int, stream: inout RandomStream) -> [Double] {
        (0..<n).map { _ in stream.normal() }
    }
}
