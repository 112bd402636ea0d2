/// Eigenvalues and unit eigenvectors of a real symmetric matrix, eigenvalues in
/// ascending order; `vectors[i]` is the eigenvector of `values[i]`.
public struct EigenDecomposition: Sendable, Equatable {
    /// Eigenvalues, ascending.
    public var values: [Double]
    /// Orthonormal eigenvectors, one per eigenvalue, in the same order.
    public var vectors: [[Double]]

    /// Wraps already computed eigenpairs.
    public init(values: [Double], vectors: [[Double]]) {
        precondition(values.count == vectors.count, "one eigenvector per eigenvalue")
        self.values = values
        self.vectors = vectors
    }

    /// Sorts eigenpairs ascending; ties keep their original order so the
    /// result does not depend on the sort implementation.
    static func sorted(values: [Double], columns: [[Double]]) -> EigenDecomposition {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        return EigenDecomposition(values: order.map { values[$0] }, vectors: order.map { columns[$0] })
    }
}
