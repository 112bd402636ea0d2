import Support
import Engine

/// A next-character language model: embedding -> Dropout -> either a recurrent
/// stack or causal pre-LayerNorm Transformer blocks -> per-step output layer,
/// producing logits `[B, T, V]` for the token after each position.
///
/// Recurrent variant: parameters `embedding.weight` `[V, embed]`, `rnn.<l>.*`,
/// `output.weight/bias`; dropout slots `embedding`, `rnn.<l>`, `output`.
/// Transformer variant (width D = hidden): `embedding.weight` `[V, D]`, sinusoidal
/// positions, `encoder.<l>.*` with causal attention, `norm.weight/bias`,
/// `output.weight/bias`; dropout slots `embedding`, `encoder.<l>.attn/ff`.
/// Steps beyond a sequence's length produce unspecified logits: their labels are
/// ignored (-1) by the loss.
public struct CharacterLanguageModel: Model {
    /// The model's one declaration (registry id `charlm`).
    public static let declaration = ComponentDeclaration(
        "charlm", "character-level language model",
        params: [
            .choice("cell", "lstm", ["rnn", "lstm", "gru", "transformer"], "sequence block"),
            .int("embed", 32, .atLeast(1), "character embedding width"),
            .int("hidden", 128, .atLeast(1), "hidden width (the model width of the transformer cell)"),
            .int("layers", 1, .atLeast(1), "stacked layers"),
            .int("heads", 4, .atLeast(1), "attention heads (transformer cell)"),
            .int("ff", 256, .atLeast(1), "feed-forward width (transformer cell)"),
            ModelParams.initScheme,
        ],
        rules: [ParamRule("with cell transformer, heads must divide hidden") { p, u in
            guard p["cell"]?.stringValue == "transformer" else { return nil }
            return ModelParams.headsDivide("hidden").check(&p, userSet: u)
        }],
        costWeight: 20)

    public enum Body: Sendable {
        case recurrent(Recurrent)
        case transformer(PositionalEncoding, [TransformerBlock], LayerNorm)
    }

    public let name: String
    public let embedding: Embedding
    public let body: Body
    public let last: Linear
    public let vocabulary: Int

    /// A recurrent language model.
    public init(name: String, vocabulary: Int, embed: Int, cell: Recurrent.Cell, hidden: Int, layers: Int, scheme: InitScheme) {
        self.name = name; self.vocabulary = vocabulary
        embedding = Embedding(name: "embedding", vocabulary: vocabulary, dim: embed, scheme: scheme)
        body = .recurrent(Recurrent(name: "rnn", cell: cell, inputs: embed, hidden: hidden, layers: layers, scheme: scheme))
        last = Linear(name: "output", inputs: hidden, outputs: vocabulary, scheme: scheme)
    }

    /// A causal Transformer language model of width `dim`.
    public init(name: String, vocabulary: Int, dim: Int, heads: Int, layers: Int, feedForward: Int, maxLength: Int,
                scheme: InitScheme) {
        self.name = name; self.vocabulary = vocabulary
        embedding = Embedding(name: "embedding", vocabulary: vocabulary, dim: dim, scheme: scheme)
        body = .transformer(PositionalEncoding(dim: dim, maxLength: maxLength),
                            (0..<layers).map { TransformerBlock(name: "encoder.\($0)", dim: dim, heads: heads,
                                                                feedForward: feedForward, scheme: scheme) },
                            LayerNorm(name: "norm", features: dim))
        last = Linear(name: "output", inputs: dim, outputs: vocabulary, scheme: scheme)
    }

    public var parameterSpecs: [ParameterSpec] {
        switch body {
        case .recurrent(let r): return embedding.specs + r.specs + last.specs
        case .transformer(_, let blocks, let norm): return embedding.specs + blocks.flatMap(\.specs) + norm.specs + last.specs
        }
    }

    public var output: ModelOutput { .sequenceLogits(classes: vocabulary) }
    public var supportsDropout: Bool { true }
    public var supportsNormalization: Bool { false }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        guard case .tokens(let ids, let batch, let steps, let lengths) = input else {
            preconditionFailure("\(name) needs token input")
        }
        var p = ParameterCursor(parameters)
        switch body {
        case .recurrent(let recurrent):
            let rows = embedding(ids: ids, batch: batch, steps: steps, lengths: lengths, timeMajor: true, &p)
            let x = Dropout(slot: "embedding")(rows, context: context)
            let h = recurrent(x, steps: steps, batch: batch, lengths: lengths, wantSequence: true, context: context, &p).sequence!
            let logits = last(Dropout(slot: "output")(h, context: context), &p)       // [T B, V]
            return logits.reshaped([steps, batch, vocabulary]).permuted([1, 0, 2])
        case .transformer(let positions, let blocks, let norm):
            let rows = embedding(ids: ids, batch: batch, steps: steps, lengths: lengths, timeMajor: false, &p)
            var x = Dropout(slot: "embedding")(positions(rows, batch: batch, steps: steps), context: context)
            for block in blocks {
                x = block(x, batch: batch, steps: steps, lengths: lengths, causal: true, context: context, &p)
            }
            return last(norm(x, epsilon: context.normEpsilon, &p), &p).reshaped([batch, steps, vocabulary])
        }
    }
}
