import Engine

/// A dense symmetric n x n matrix stored in full, row major, for the quasi-Newton
/// approximations (BFGS, DFP, SR1). Updates write both triangles with the same
/// value, so the stored matrix stays exactly symmetric.
public struct DenseSymmetricMatrix<S: Scalar>: Sendable, Equatable {
    public let dimension: Int
    /// Row-major entries; entry (i, j) is `entries[i * dimension + j]`.
    public private(set) var entries: [S]

    /// The matrix `scale` × I.
    public init(identity dimension: Int, scale: S = 1) {
        precondition(dimension >= 1, "matrix dimension must be positive")
        self.dimension = dimension
        var e = [S](repeating: 0, count: dimension * dimension)
        for i in 0..<dimension { e[i * dimension + i] = scale }
        self.entries = e
    }

    /// A matrix from row-major entries, which must be symmetric.
    public init(dimension: Int, entries: [S]) {
        precondition(entries.count == dimension * dimension, "entries must hold n x n values")
        for i in 0..<dimension {
            for j in 0..<i { precondition(entries[i * dimension + j] == entries[j * dimension + i], "matrix is not symmetric") }
        }
        self.dimension = dimension
        self.entries = entries
    }

    /// Entry (i, j).
    public subscript(i: Int, j: Int) -> S { entries[i * dimension + j] }

    /// M v (each row a fixed-order dot product).
    @_specialize(where S == Float) @_specialize(where S == Double)
    public func multiply(_ v: [S]) -> [S] {
        precondition(v.count == dimension, "matrix-vector length mismatch")
        let n = dimension
        return [S](unsafeUninitializedCapacity: n) { out, count in
            entries.withUnsafeBufferPointer { m in
                v.withUnsafeBufferPointer { vp in
                    for i in 0..<n { out[i] = VectorMath.dot(m.baseAddress! + i * n, vp.baseAddress, count: n) }
                }
            }
            count = n
        }
    }

    /// M ← M + α (u v' + v u') + β w w'.
    @_specialize(where S == Float) @_specialize(where S == Double)
    public mutating func addSymmetric(alpha: S, _ u: [S], _ v: [S], beta: S, _ w: [S]) {
        let n = dimension
        precondition(u.count == n && v.count == n && w.count == n, "update vectors must have the matrix's dimension")
        entries.withUnsafeMutableBufferPointer { m in
            u.withUnsafeBufferPointer { up in
                v.withUnsafeBufferPointer { vp in
                    w.withUnsafeBufferPointer { wp in
                        for i in 0..<n {
                            let ui = up[i], vi = vp[i], wi = wp[i]
                            for j in i..<n {
                                let delta = alpha * (ui * vp[j] + vi * up[j]) + beta * (wi * wp[j])
                                let value = m[i * n + j] + delta
                                m[i * n + j] = value
                                m[j * n + i] = value
                            }
                        }
                    }
                }
            }
        }
    }

    /// M ← M + β w w'.
    public mutating func addRankOne(beta: S, _ w: [S]) {
        let zero = [S](repeating: 0, count: dimension)
        addSymmetric(alpha: 0, zero, zero, beta: beta, w)
    }

    /// Bytes an n x n matrix of `scalarBytes`-byte elements occupies, or nil on overflow.
    static func bytes(dimension n: Int, scalarBytes: Int) -> Int? {
        let (nn, o1) = n.multipliedReportingOverflow(by: n)
        let (b, o2) = nn.multipliedReportingOverflow(by: scalarBytes)
        return o1 || o2 ? nil : b
    }

    /// Throws `modelTooLarge` when an n x n matrix exceeds `limitMB` mebibytes,
    /// naming the limited-memory `alternative`.
    static func checkMemory(optimizer: String, dimension n: Int, scalarBytes: Int, limitMB: Double,
                            alternative: String) throws(OptimizerError) {
        let limit = Int(min(limitMB * 1_048_576, Double(Int.max / 2)))
        let required = bytes(dimension: n, scalarBytes: scalarBytes) ?? Int.max
        if required > limit {
            throw .modelTooLarge(optimizer: optimizer, dimension: n, requiredBytes: required, limitBytes: limit,
                                 alternative: alternative)
        }
    }
}
