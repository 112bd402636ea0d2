import Engine

/// Fused penalty reductions on the tape. Each forward pass is one tight loop over
/// the parameter (no intermediate tensors); each backward rule is written in
/// differentiable operations, so gradients of penalties can be differentiated
/// again for exact Hessian-vector products.
extension Variable {
    /// sum_i x_i^2 over all elements (shape `[]`); gradient 2 x, Hessian 2 I.
    func sumOfSquares() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfSquares($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            [self * (c.gradient * S(2))]
        }
    }

    /// sum_i |x_i| (shape `[]`); gradient sign(x) (0 at 0), a constant, so the
    /// Hessian is zero wherever it exists.
    func sumOfMagnitudes() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfMagnitudes($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            let sign = Tensor<S>(shape: self.shape, data: self.value.data.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })
            return [c.gradient.tape.constant(sign) * c.gradient]
        }
    }

    /// sum_{k=1}^{n-1} (x_k - x_{k-1})^2 over the elements in storage (row-major)
    /// order, as one sequence without wrap-around (shape `[]`). It equals x' L x with
    /// L the path-graph Laplacian, so the gradient is 2 L x and the Hessian 2 L.
    func sumOfSquaredNeighbourDifferences() -> Variable {
        let s = value.data.withUnsafeBufferPointer { FlatKernels.sumOfSquaredNeighbourDifferences($0) }
        return tape.record(Tensor(scalar: s), inputs: [self]) { c in
            [self.pathLaplacian() * (c.gradient * S(2))]
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
}
