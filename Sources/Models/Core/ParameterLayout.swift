import Engine

/// Where each parameter lives in the flat vector the optimizers work on:
/// parameters are concatenated in `parameterSpecs` order, each row-major.
public struct ParameterLayout: Sendable, Equatable {
    public let specs: [ParameterSpec]
    public let offsets: [Int]
    public let count: Int

    public init(_ specs: [ParameterSpec]) {
        self.specs = specs
        var offsets: [Int] = [], total = 0
        for s in specs { offsets.append(total); total += s.count }
        self.offsets = offsets
        self.count = total
    }

    /// Concatenates tensors (in spec order) into one flat vector.
    public func flatten<S: Scalar>(_ tensors: [Tensor<S>]) -> [S] {
        precondition(tensors.count == specs.count, "\(tensors.count) tensors for \(specs.count) parameters")
        var flat = [S](); flat.reserveCapacity(count)
        for t in tensors { flat.append(contentsOf: t.data) }
        return flat
    }

    /// Splits a flat vector into tensors with the parameters' shapes.
    public func unflatten<S: Scalar>(_ flat: [S]) -> [Tensor<S>] {
        precondition(flat.count == count, "flat vector of \(flat.count) values for \(count) parameters")
        return specs.indices.map { i in
            Tensor(shape: specs[i].shape, data: Array(flat[offsets[i]..<(offsets[i] + specs[i].count)]))
        }
    }

    /// Index range of parameter `i` in the flat vector.
    public func range(of i: Int) -> Range<Int> { offsets[i]..<(offsets[i] + specs[i].count) }
}
