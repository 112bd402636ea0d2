import Engine

/// Token embedding: a table `<name>.weight` `[vocabulary, dim]` whose row i is the
/// vector of token i. Positions outside a sequence's valid length read a zero row,
/// so padding never reaches the network.
public struct Embedding: Sendable {
    public let name: String
    public let vocabulary: Int
    public let dim: Int
    public let specs: [ParameterSpec]

    public init(name: String, vocabulary: Int, dim: Int, scheme: InitScheme) {
        precondition(vocabulary > 0 && dim > 0, "Embedding \(name) needs positive sizes")
        self.name = name; self.vocabulary = vocabulary; self.dim = dim
        specs = [ParameterSpec(name: name + ".weight", shape: [vocabulary, dim], role: .embedding,
                               initializer: scheme.embedding)]
    }

    /// Looks up `ids` (flattened `[batch, steps]`, row-major) and returns the vectors
    /// in time-major order, `[steps * batch, dim]` with row `t * batch + b`, or in
    /// batch-major order `[batch * steps, dim]` with row `b * steps + t`.
    public func callAsFunction<S: Scalar>(ids: [Int], batch: Int, steps: Int, lengths: [Int], timeMajor: Bool,
                                          _ p: inout ParameterCursor<S>) -> Variable<S> {
        let table = p.next(specs[0])
        return table.gatherRows(Embedding.rows(ids: ids, batch: batch, steps: steps, lengths: lengths,
                                               vocabulary: vocabulary, timeMajor: timeMajor))
    }

    /// Table rows to gather: the token id inside the valid length, -1 (zero row) beyond.
    static func rows(ids: [Int], batch: Int, steps: Int, lengths: [Int], vocabulary: Int, timeMajor: Bool) -> [Int] {
        precondition(ids.count == batch * steps && lengths.count == batch,
                     "token batch of \(ids.count) ids and \(lengths.count) lengths for \(batch) x \(steps)")
        var rows = [Int](repeating: -1, count: batch * steps)
        for b in 0..<batch {
            for t in 0..<min(lengths[b], steps) {
                let id = ids[b * steps + t]
                precondition(id >= 0 && id < vocabulary, "token id \(id) outside the vocabulary of \(vocabulary)")
                rows[timeMajor ? t * batch + b : b * steps + t] = id
            }
        }
        return rows
    }
}
