import Engine

/// The value and gradient at the point where the previous step ended, reused as the
/// next step's start when the oracle evaluates one fixed objective (`fullBatch`) and
/// x is unchanged. On mini-batches every step evaluates its start on its own batch.
struct EvaluationCache<S: Scalar> {
    private var point: [S]?
    private var value: S = 0
    private var gradient: [S] = []

    /// (f, ∇f) at x, from the cache when valid.
    mutating func start(_ x: [S], oracle: Oracle<S>) -> (value: S, gradient: [S]) {
        if oracle.fullBatch, let p = point, p == x { return (value, gradient) }
        point = nil
        return oracle.valueAndGradient(x)
    }

    /// Remembers the evaluation at `x` for the next step (full batch only).
    mutating func store(_ x: [S], value: S, gradient: [S]?, oracle: Oracle<S>) {
        guard oracle.fullBatch, let gradient else { point = nil; return }
        point = x
        self.value = value
        self.gradient = gradient
    }

    /// Forgets the stored evaluation.
    mutating func clear() { point = nil }
}
