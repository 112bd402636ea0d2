/// The weight-initialization scheme named by a model's `init` parameter.
///
/// - `torch`: the `torch.nn` defaults. Linear and Conv1d weights and biases
///   U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (kaiming_uniform with a = sqrt 5);
///   recurrent weights and biases U(-1/sqrt(H), 1/sqrt(H)); attention input
///   projections Glorot-uniform over the stacked [3D, D] matrix with zero biases and
///   a zero output bias (`nn.MultiheadAttention`).
/// - `xavier`: Glorot and Bengio (2010), eq. 16: U(-b, b) with
///   b = sqrt(6 / (fan_in + fan_out)); biases zero.
/// - `kaiming`: He et al. (2015), eq. 10: N(0, 2 / fan_in); biases zero.
///
/// In every scheme embeddings are N(0, 1) (as `nn.Embedding`) and normalization
/// gains and biases start at one and zero.
public enum InitScheme: String, Sendable, CaseIterable {
    case torch, xavier, kaiming

    /// A dense weight with the given fans (for convolutions fan_in = channels x width).
    public func weight(fanIn: Int, fanOut: Int) -> Initializer {
        switch self {
        case .torch: return .uniform(bound: 1 / Double(fanIn).squareRoot())
        case .xavier: return .uniform(bound: (6 / Double(fanIn + fanOut)).squareRoot())
        case .kaiming: return .normal(std: (2 / Double(fanIn)).squareRoot())
        }
    }

    /// The bias of a dense layer.
    public func bias(fanIn: Int) -> Initializer {
        self == .torch ? .uniform(bound: 1 / Double(fanIn).squareRoot()) : .zeros
    }

    /// A recurrent weight block (input-to-hidden or hidden-to-hidden) of one gate.
    public func recurrentWeight(hidden: Int, fanIn: Int) -> Initializer {
        self == .torch ? .uniform(bound: 1 / Double(hidden).squareRoot()) : weight(fanIn: fanIn, fanOut: hidden)
    }

    /// A recurrent bias.
    public func recurrentBias(hidden: Int) -> Initializer {
        self == .torch ? .uniform(bound: 1 / Double(hidden).squareRoot()) : .zeros
    }

    /// An attention query/key/value projection of width `d`.
    public func attentionInput(d: Int) -> Initializer {
        self == .torch ? .uniform(bound: (6 / Double(4 * d)).squareRoot()) : weight(fanIn: d, fanOut: d)
    }

    /// The attention output projection of width `d`.
    public func attentionOutput(d: Int) -> Initializer { weight(fanIn: d, fanOut: d) }

    /// An embedding table.
    public var embedding: Initializer { .normal(std: 1) }
}
