import Support
import Engine

/// A Transformer encoder classifier: embedding (tokens) or a linear input map
/// (feature sequences) to width D, sinusoidal positional encodings, Dropout, a
/// stack of pre-LayerNorm `TransformerBlock`s, a final LayerNorm, masked mean
/// pooling over each sequence's valid steps, and the output layer.
///
/// Parameters `embedding.weight` or `input.weight/bias`, `encoder.<l>.*`,
/// `norm.weight/bias`, `output.weight/bias`. Dropout slots `embedding` and the
/// blocks' `encoder.<l>.attn` and `encoder.<l>.ff`.
public struct TransformerClassifier: Model {
    /// The model's one declaration (registry id `transformer`).
    public static let declaration = ComponentDeclaration(
        "transformer", "self-attention encoder classifier (Vaswani et al. 2017)",
        params: [
            .int("d_model", 32, .atLeast(1), "model width"),
            .int("heads", 4, .atLeast(1), "attention heads"),
            .int("layers", 2, .atLeast(1), "encoder layers"),
            .int("ff", 64, .atLeast(1), "feed-forward width"),
            .int("max_len", 512, .atLeast(1), "longest sequence (sinusoidal positions are tabled up to it)"),
            ModelParams.initScheme,
        ],
        rules: [ModelParams.headsDivide("d_model")], costWeight: 20)

    public let name: String
    public let reader: SequenceReader
    public let inputMap: Linear?
    public let positions: PositionalEncoding
    public let blocks: [TransformerBlock]
    public let norm: LayerNorm
    public let last: Linear
    public let output: ModelOutput

    public init(name: String, reader: SequenceReader, dim: Int, heads: Int, layers: Int, feedForward: Int,
                maxLength: Int, output: ModelOutput, scheme: InitScheme) {
        self.name = name; self.reader = reader; self.output = output
        inputMap = reader.embedding == nil ? Linear(name: "input", inputs: reader.width, outputs: dim, scheme: scheme) : nil
        positions = PositionalEncoding(dim: dim, maxLength: maxLength)
        blocks = (0..<layers).map { TransformerBlock(name: "encoder.\($0)", dim: dim, heads: heads, feedForward: feedForward, scheme: scheme) }
        norm = LayerNorm(name: "norm", features: dim)
        last = Linear(name: "output", inputs: dim, outputs: output.width, scheme: scheme)
    }

    public var parameterSpecs: [ParameterSpec] {
        reader.specs + (inputMap?.specs ?? []) + blocks.flatMap(\.specs) + norm.specs + last.specs
    }
    public var supportsDropout: Bool { true }
    public var supportsNormalization: Bool { false }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        var p = ParameterCursor(parameters)
        let tape = parameters[0].tape
        let (rows, batch, steps, lengths) = reader(input, timeMajor: false, tape: tape, &p)
        var x = inputMap.map { $0(rows, &p) } ?? rows
        x = Dropout(slot: "embedding")(positions(x, batch: batch, steps: steps), context: context)
        for block in blocks {
            x = block(x, batch: batch, steps: steps, lengths: lengths, causal: false, context: context, &p)
        }
        x = norm(x, epsilon: context.normEpsilon, &p)
        // Masked mean as one product per sequence: weights 1/length on valid steps, 0 on padding.
        var weights = [S](repeating: 0, count: batch * steps)
        for b in 0..<batch where lengths[b] > 0 {
            for t in 0..<min(lengths[b], steps) { weights[b * steps + t] = 1 / S(lengths[b]) }
        }
        let pooled = tape.constant(Tensor(shape: [batch, 1, steps], data: weights))
            .batchedMatmul(x.reshaped([batch, steps, positions.dim])).reshaped([batch, positions.dim])
        return last(pooled, &p)
    }
}
