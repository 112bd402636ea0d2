import Engine

/// Dense vector kernels on flat `[S]` arrays with a fixed summation order, so results
/// are bit-identical from run to run. Reductions keep four partial sums over
/// interleaved elements and add them as ((s0 + s1) + (s2 + s3)) + tail.
enum VectorMath {
    /// a · b.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func dot<S: Scalar>(_ a: [S], _ b: [S]) -> S {
        precondition(a.count == b.count, "dot: length mismatch")
        return a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in dot(ap.baseAddress, bp.baseAddress, count: ap.count) }
        }
    }

    /// Σ a[i] b[i] over `count` elements.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func dot<S: Scalar>(_ a: UnsafePointer<S>?, _ b: UnsafePointer<S>?, count n: Int) -> S {
        guard n > 0, let a, let b else { return 0 }
        let n4 = n & ~3
        var s0: S = 0, s1: S = 0, s2: S = 0, s3: S = 0
        var i = 0
        while i < n4 {
            s0 += a[i] * b[i]
            s1 += a[i + 1] * b[i + 1]
            s2 += a[i + 2] * b[i + 2]
            s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        var tail: S = 0
        while i < n { tail += a[i] * b[i]; i += 1 }
        return ((s0 + s1) + (s2 + s3)) + tail
    }

    /// Euclidean norm ‖a‖.
    @inline(__always)
    static func norm<S: Scalar>(_ a: [S]) -> S { dot(a, a).squareRoot() }

    /// y ← y + α x.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func axpy<S: Scalar>(_ alpha: S, _ x: [S], _ y: inout [S]) {
        precondition(x.count == y.count, "axpy: length mismatch")
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                for i in 0..<yp.count { yp[i] += alpha * xp[i] }
            }
        }
    }

    /// x + α p as a new array.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func adding<S: Scalar>(_ x: [S], _ alpha: S, _ p: [S]) -> [S] {
        precondition(x.count == p.count, "adding: length mismatch")
        return [S](unsafeUninitializedCapacity: x.count) { out, count in
            x.withUnsafeBufferPointer { xp in
                p.withUnsafeBufferPointer { pp in
                    for i in 0..<xp.count { out[i] = xp[i] + alpha * pp[i] }
                }
            }
            count = x.count
        }
    }

    /// a - b as a new array.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func subtracting<S: Scalar>(_ a: [S], _ b: [S]) -> [S] {
        precondition(a.count == b.count, "subtracting: length mismatch")
        return [S](unsafeUninitializedCapacity: a.count) { out, count in
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    for i in 0..<ap.count { out[i] = ap[i] - bp[i] }
                }
            }
            count = a.count
        }
    }

    /// α a as a new array.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func scaled<S: Scalar>(_ a: [S], _ alpha: S) -> [S] {
        [S](unsafeUninitializedCapacity: a.count) { out, count in
            a.withUnsafeBufferPointer { ap in
                for i in 0..<ap.count { out[i] = alpha * ap[i] }
            }
            count = a.count
        }
    }

    /// a ← α a.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func scale<S: Scalar>(_ a: inout [S], by alpha: S) {
        a.withUnsafeMutableBufferPointer { ap in
            for i in 0..<ap.count { ap[i] *= alpha }
        }
    }

    /// Whether every entry is finite.
    @_specialize(where S == Float) @_specialize(where S == Double)
    static func allFinite<S: Scalar>(_ a: [S]) -> Bool {
        a.withUnsafeBufferPointer { ap in
            var ok = true
            for v in ap where !v.isFinite { ok = false; break }
            return ok
        }
    }
}
