/// Indexed reads and their adjoints: row gathers (embedding lookups, windows for
/// convolutions) and per-row label picks (cross-entropy).
extension Variable {
    /// Rows `indices[i]` of a 2-D table `[V, D]` -> `[indices.count, D]`.
    /// An index of -1 yields a zero row (padding).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func gatherRows(_ indices: [Int]) -> Variable {
        precondition(shape.count == 2, "gatherRows needs a 2-D table, got \(shape)")
        let rows = shape[0], d = shape[1]
        var out = [S](repeating: 0, count: indices.count * d)
        value.data.withUnsafeBufferPointer { px in
            for (i, r) in indices.enumerated() where r >= 0 {
                precondition(r < rows, "row index \(r) out of range for table of shape \(shape)")
                for j in 0..<d { out[i * d + j] = px[r * d + j] }
            }
        }
        return tape.record(Tensor(shape: [indices.count, d], data: out), inputs: [self]) { c in
            [c.gradient.scatterAddRows(indices, rows: rows)]
        }
    }

    /// Adds row i of this `[n, D]` value into row `indices[i]` of a zero `[rows, D]`
    /// table, in increasing i (the adjoint of `gatherRows`).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func scatterAddRows(_ indices: [Int], rows: Int) -> Variable {
        precondition(shape.count == 2 && shape[0] == indices.count,
                     "scatterAddRows of shape \(shape) with \(indices.count) indices")
        let d = shape[1]
        var out = [S](repeating: 0, count: rows * d)
        value.data.withUnsafeBufferPointer { px in
            for (i, r) in indices.enumerated() where r >= 0 {
                for j in 0..<d { out[r * d + j] += px[i * d + j] }
            }
        }
        return tape.record(Tensor(shape: [rows, d], data: out), inputs: [self]) { c in
            [c.gradient.gatherRows(indices)]
        }
    }

    /// For a value `[..., C]` viewed as rows of C, picks element `labels[r]` of row r
    /// -> shape `[rows]`; a label of -1 picks nothing (0, no gradient).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func pick(_ labels: [Int]) -> Variable {
        let c = shape.last ?? 1
        let rows = value.count / Swift.max(c, 1)
        precondition(labels.count == rows, "pick: \(labels.count) labels for \(rows) rows of shape \(shape)")
        var out = [S](repeating: 0, count: rows)
        value.data.withUnsafeBufferPointer { px in
            for (r, l) in labels.enumerated() where l >= 0 {
                precondition(l < c, "label \(l) out of range for \(c) classes")
                out[r] = px[r * c + l]
            }
        }
        let full = shape
        return tape.record(Tensor(shape: [rows], data: out), inputs: [self]) { ctx in
            [ctx.gradient.unpick(labels, shape: full)]
        }
    }

    /// Places element r of this `[rows]` value at `labels[r]` of row r of a zero
    /// tensor of `shape` (the adjoint of `pick`).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func unpick(_ labels: [Int], shape full: [Int]) -> Variable {
        let c = full.last ?? 1
        var out = [S](repeating: 0, count: full.reduce(1, *))
        value.data.withUnsafeBufferPointer { px in
            for (r, l) in labels.enumerated() where l >= 0 { out[r * c + l] = px[r] }
        }
        return tape.record(Tensor(shape: full, data: out), inputs: [self]) { ctx in [ctx.gradient.pick(labels)] }
    }
}
