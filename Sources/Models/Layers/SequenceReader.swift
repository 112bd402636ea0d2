import Engine

/// Turns a batch of token ids (through an embedding) or of feature sequences into
/// rows of vectors `[B * T, width]` for the sequence models, with the lengths.
///
/// Rows are batch-major (`b * T + t`) or time-major (`t * B + b`) as the consumer
/// needs. Token positions beyond a sequence's length read zero vectors.
public struct SequenceReader: Sendable {
    /// The embedding for token input, nil for feature sequences.
    public let embedding: Embedding?
    /// Width of each row: the embedding size or the feature count.
    public let width: Int

    /// Reads token ids through `<name>.weight` `[vocabulary, dim]`.
    public init(embeddingName name: String, vocabulary: Int, dim: Int, scheme: InitScheme) {
        embedding = Embedding(name: name, vocabulary: vocabulary, dim: dim, scheme: scheme)
        width = dim
    }

    /// Reads feature sequences of `features` values per step as they are.
    public init(features: Int) {
        embedding = nil
        width = features
    }

    public var specs: [ParameterSpec] { embedding?.specs ?? [] }

    /// The rows, batch size, step count and lengths of `input`.
    public func callAsFunction<S: Scalar>(_ input: ModelInput<S>, timeMajor: Bool, tape: Tape<S>,
                                          _ p: inout ParameterCursor<S>) -> (rows: Variable<S>, batch: Int, steps: Int, lengths: [Int]) {
        switch input {
        case .tokens(let ids, let batch, let steps, let lengths):
            guard let embedding else { preconditionFailure("token input given to a model built for feature sequences") }
            let rows = embedding(ids: ids, batch: batch, steps: steps, lengths: lengths, timeMajor: timeMajor, &p)
            return (rows, batch, steps, lengths)
        case .sequence(let x, let lengths):
            precondition(embedding == nil, "feature sequences given to a model built for tokens")
            precondition(x.rank == 3 && x.shape[2] == width, "sequence input of shape \(x.shape), expected [B, T, \(width)]")
            let (batch, steps) = (x.shape[0], x.shape[1])
            precondition(lengths.count == batch, "\(lengths.count) lengths for a batch of \(batch)")
            let v = tape.constant(x)
            let rows = timeMajor ? v.permuted([1, 0, 2]) : v
            return (rows.reshaped([batch * steps, width]), batch, steps, lengths)
        case .dense, .none:
            preconditionFailure("sequence model given non-sequence input")
        }
    }
}
