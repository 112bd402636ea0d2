import Engine

/// Deterministic mini-batch order: which examples step s uses.
///
/// Step s belongs to epoch `s / stepsPerEpoch` at batch position
/// `s % stepsPerEpoch`. The order of epoch e is the permutation drawn from
/// `RandomStream(seed: seed, purpose: "shuffle", index: e)`, and batch b takes
/// positions `b*batchSize ..< min((b+1)*batchSize, count)` of it (the last batch
/// of an epoch may be smaller, unless `dropLast`). Nothing depends on earlier
/// steps, so a run resumed at step s sees exactly the batches it would have
/// seen. Full batch (`batchSize` nil) uses every example in index order at
/// every step.
public struct Batcher: Sendable {
    /// Number of examples in the split being batched.
    public let count: Int
    /// Examples per batch; nil for full batch.
    public let batchSize: Int?
    /// The run's seed, key of the per-epoch shuffle streams.
    public let seed: UInt64
    /// Whether the incomplete last batch of an epoch is skipped.
    public let dropLast: Bool
    /// Steps that make one pass over the data.
    public let stepsPerEpoch: Int

    /// `batchSize` nil means full batch; a batch size must be positive, and with
    /// `dropLast` at most `count`.
    public init(count: Int, batchSize: Int?, seed: UInt64, dropLast: Bool = false) {
        precondition(count > 0, "cannot batch an empty split")
        if let b = batchSize {
            precondition(b > 0, "batch size must be positive")
            precondition(!dropLast || b <= count, "batch size \(b) larger than the \(count) examples with dropLast")
        }
        self.count = count
        self.batchSize = batchSize
        self.seed = seed
        self.dropLast = dropLast
        if let b = batchSize {
            stepsPerEpoch = dropLast ? count / b : (count + b - 1) / b
        } else {
            stepsPerEpoch = 1
        }
    }

    /// The epoch and batch position of step `step` (0-based).
    public func position(ofStep step: Int) -> (epoch: Int, batch: Int) {
        precondition(step >= 0, "negative step")
        return (step / stepsPerEpoch, step % stepsPerEpoch)
    }

    /// The order in which epoch `epoch` visits the examples (identity for full batch).
    public func order(epoch: Int) -> [Int] {
        precondition(epoch >= 0, "negative epoch")
        guard batchSize != nil else { return Array(0..<count) }
        var stream = RandomStream(seed: seed, purpose: "shuffle", index: UInt64(epoch))
        return stream.permutation(count)
    }

    /// The example indices of batch `batch` of an epoch whose order is `order`
    /// (lets a caller reuse one epoch's order for all of its steps).
    public func indices(batch: Int, of order: [Int]) -> [Int] {
        precondition(batch >= 0 && batch < stepsPerEpoch, "batch \(batch) outside 0..<\(stepsPerEpoch)")
        guard let b = batchSize else { return order }
        return Array(order[batch * b ..< min((batch + 1) * b, count)])
    }

    /// The example indices of step `step`.
    public func indices(forStep step: Int) -> [Int] {
        let p = position(ofStep: step)
        return indices(batch: p.batch, of: order(epoch: p.epoch))
    }
}
