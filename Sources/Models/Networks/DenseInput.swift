import Engine

/// Dense inputs of the feed-forward models: feature vectors `[B, F]` as given, and
/// fixed-length feature sequences `[B, T, F]` flattened to `[B, T F]`.
enum DenseInput {
    static func rows<S: Scalar>(_ input: ModelInput<S>, features: Int, tape: Tape<S>) -> Variable<S> {
        switch input {
        case .dense(let x):
            precondition(x.rank == 2 && x.shape[1] == features, "dense input of shape \(x.shape), expected [B, \(features)]")
            return tape.constant(x)
        case .sequence(let x, _):
            precondition(x.rank == 3 && x.shape[1] * x.shape[2] == features,
                         "sequence input of shape \(x.shape) for \(features) features")
            return tape.constant(x.reshaped([x.shape[0], features]))
        case .tokens, .none:
            preconditionFailure("a feed-forward model needs dense or sequence input")
        }
    }
}
