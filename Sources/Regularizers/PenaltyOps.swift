import Engine

/// Fused penalty operations on the tape. Each forward pass is one tight loop over
/// the parameter (see `FlatKernels`); each backward rule is written in these same
/// operations, so gradients of penalties can be differentiated again for exact
/// Hessian-vector products.
extension Variable {
    /// sum_i x_i^2 over all elements (shape `[]`); gradient 2 x, Hessian 2 I.
    func sumOfSquares() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfSquares($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            [self.scaled(by: c.gradient * S(2))]
        }
    }

    /// sum_i |x_i| (shape `[]`); gradient sign(x) (0 at 0), a constant, so the
    /// Hessian is zero wherever it exists.
    func sumOfMagnitudes() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfMagnitudes($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            let n = self.value.count
            let sign = [S](unsafeUninitializedCapacity: n) { out, initialized in
                self.value.data.withUnsafeBufferPointer {
                    FlatKernels.sign($0, into: UnsafeMutableBufferPointer(rebasing: out[0..<n]))
                }
                initialized = n
            }
            return [c.gradient.tape.constant(Tensor(shape: self.shape, data: sign)).scaled(by: c.gradient)]
        }
    }

    /// sum_{k=1}^{n-1} (x_k - x_{k-1})^2 over the elements in storage (row-major)
    /// order, as one sequence without wrap-around (shape `[]`). It equals x' L x with
    /// L the path-graph Laplacian, so the gradient is 2 L x and the Hessian 2 L.
    func sumOfSquaredNeighbourDifferences() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfSquaredNeighbourDifferences($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            [self.pathLaplacian().scaled(by: c.gradient * S(2))]
        }
    }

    /// L x with L the path-graph Laplacian over the elements in storage order (same
    /// shape). L is symmetric, so the backward rule is L applied to the gradient.
    func pathLaplacian() -> Variable {
        let n = value.count
        let out = [S](unsafeUninitializedCapacity: n) { buffer, initialized in
            value.data.withUnsafeBufferPointer {
                FlatKernels.pathLaplacian($0, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<n]))
            }
            initialized = n
        }
        return tape.record(Tensor(shape: shape, data: out), inputs: [self]) { c in
            [c.gradient.pathLaplacian()]
        }
    }

    /// x * s for a scalar variable s (shape `[]`); d/dx = s, d/ds = <gradient, x>.
    func scaled(by s: Variable) -> Variable {
        precondition(s.value.count == 1, "scaled(by:) needs a scalar, got shape \(s.shape)")
        let n = value.count
        let out = [S](unsafeUninitializedCapacity: n) { buffer, initialized in
            value.data.withUnsafeBufferPointer {
                FlatKernels.scale($0, by: s.value.data[0], into: UnsafeMutableBufferPointer(rebasing: buffer[0..<n]))
            }
            initialized = n
        }
        return tape.record(Tensor(shape: shape, data: out), inputs: [self, s]) { c in
            [c.needs[0] ? c.gradient.scaled(by: s) : nil,
             c.needs[1] ? c.gradient.dot(self).reshaped(s.shape) : nil]
        }
    }

    /// <x, y> over all elements of two values of one shape (shape `[]`);
    /// d/dx = g y, d/dy = g x.
    func dot(_ other: Variable) -> Variable {
        precondition(shape == other.shape, "dot of shapes \(shape) and \(other.shape)")
        let d = value.data.withUnsafeBufferPointer { a in
            other.value.data.withUnsafeBufferPointer { b in FlatKernels.dot(a, b) }
        }
        return tape.record(Tensor(scalar: d), inputs: [self, other]) { c in
            [c.needs[0] ? other.scaled(by: c.gradient) : nil,
             c.needs[1] ? self.scaled(by: c.gradient) : nil]
        }
    }
}
