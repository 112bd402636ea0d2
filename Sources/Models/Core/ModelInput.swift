import Engine

/// One batch of model inputs, already converted to the run's element type.
public enum ModelInput<S: Scalar>: Sendable {
    /// Dense features `[B, F]`.
    case dense(Tensor<S>)
    /// Feature sequences `[B, T, F]` with the valid length of each sequence.
    case sequence(Tensor<S>, lengths: [Int])
    /// Token ids `[B][T]` flattened row-major (`batch * steps` ids, 0 = padding),
    /// with the valid length of each sequence.
    case tokens([Int], batch: Int, steps: Int, lengths: [Int])
    /// No data: the parameters are the point (analytic test functions).
    case none

    /// Number of examples in the batch (1 for `.none`).
    public var batchSize: Int {
        switch self {
        case .dense(let t): return t.shape[0]
        case .sequence(let t, _): return t.shape[0]
        case .tokens(_, let b, _, _): return b
        case .none: return 1
        }
    }
}
