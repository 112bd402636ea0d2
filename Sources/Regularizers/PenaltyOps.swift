import Engine

/// Fused penalty operations on the tape. Each forward pass is one tight loop over
/// the parameter (see `FlatKernels`) writing at most one new tensor; each backward
/// rule is written in these same operations, so gradients of penalties can be
/// differentiated again for exact Hessian-vector products, and each penalized
/// tensor receives a single gradient contribution.
extension Variable {
    /// sum_i x_i^2 over all elements (shape `[]`); gradient 2 x, Hessian 2 I.
    func sumOfSquares() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfSquares($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            [self.scaled(by: c.gradient * S(2))]
        }
    }

    /// sum_i |x_i| (shape `[]`); gradient sign(x) (0 at 0), piecewise constant, so
    /// the Hessian is zero wherever it exists.
    func sumOfMagnitudes() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfMagnitudes($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            [self.sign(scaledBy: c.gradient)]
        }
    }

    /// The rank-1 penalty of one tensor,
    /// (lambda/2) sum_k x_k^2 + (mu/2) sum_{k=1}^{n-1} (x_k - x_{k-1})^2, over the
    /// elements in storage (row-major) order as one sequence without wrap-around
    /// (shape `[]`). The second sum is x' L x with L the path-graph Laplacian, so the
    /// gradient is A x and the Hessian A = lambda I + mu L.
    func rankOnePenalty(lambda: S, mu: S) -> Variable {
        let (squares, differences) = value.data.withUnsafeBufferPointer {
            (FlatKernels.sumOfSquares($0), FlatKernels.sumOfSquaredNeighbourDifferences($0))
        }
        let total = lambda / 2 * squares + mu / 2 * differences
        return tape.record(Tensor(scalar: total), inputs: [self]) { c in
            [self.shiftedPathLaplacian(lambda: lambda, mu: mu, scaledBy: c.gradient)]
        }
    }

    /// s (lambda I + mu L) x for a scalar variable s, with L the path-graph Laplacian
    /// over the elements in storage order (same shape as x). The operator is
    /// symmetric, so d/dx applies it to the gradient; d/ds = <gradient, A x>.
    func shiftedPathLaplacian(lambda: S, mu: S, scaledBy s: Variable) -> Variable {
        precondition(s.value.count == 1, "shiftedPathLaplacian needs a scalar factor, got shape \(s.shape)")
        let factor = s.value.data[0]
        let out = written { x, out in
            FlatKernels.shiftedPathLaplacian(x, lambda: factor * lambda, mu: factor * mu, into: out)
        }
        return tape.record(Tensor(shape: shape, data: out), inputs: [self, s]) { c in
            let one = c.gradient.tape.constant(S(1))
            return [c.needs[0] ? c.gradient.shiftedPathLaplacian(lambda: lambda, mu: mu, scaledBy: s) : nil,
                    c.needs[1] ? c.gradient.dot(self.shiftedPathLaplacian(lambda: lambda, mu: mu, scaledBy: one))
                        .reshaped(s.shape) : nil]
        }
    }

    /// s sign(x) for a scalar variable s (same shape as x); d/dx = 0 (almost
    /// everywhere), d/ds = <gradient, sign x>.
    func sign(scaledBy s: Variable) -> Variable {
        precondition(s.value.count == 1, "sign(scaledBy:) needs a scalar factor, got shape \(s.shape)")
        let factor = s.value.data[0]
        let out = written { x, out in FlatKernels.sign(x, times: factor, into: out) }
        return tape.record(Tensor(shape: shape, data: out), inputs: [self, s]) { c in
            [nil, c.needs[1] ? c.gradient.dot(self.sign(scaledBy: c.gradient.tape.constant(S(1)))).reshaped(s.shape) : nil]
        }
    }

    /// x * s for a scalar variable s (same shape as x); d/dx = s, d/ds = <gradient, x>.
    func scaled(by s: Variable) -> Variable {
        precondition(s.value.count == 1, "scaled(by:) needs a scalar, got shape \(s.shape)")
        let factor = s.value.data[0]
        let out = written { x, out in FlatKernels.scale(x, by: factor, into: out) }
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

    /// A new array of this value's size, filled by `fill(values, output)`.
    private func written(_ fill: (UnsafeBufferPointer<S>, UnsafeMutableBufferPointer<S>) -> Void) -> [S] {
        let n = value.count
        return [S](unsafeUninitializedCapacity: n) { buffer, initialized in
            value.data.withUnsafeBufferPointer { fill($0, UnsafeMutableBufferPointer(rebasing: buffer[0..<n])) }
            initialized = n
        }
    }
}
