import Support
import Engine

/// A recurrent sequence classifier (or regressor): embedding (token input) ->
/// Dropout -> `Recurrent` stack -> [Norm] -> Dropout -> output layer on the final state.
///
/// The final state is the hidden state at each sequence's last valid step, joined
/// with the reverse direction's state at step 0 when bidirectional. Feature
/// sequences feed the cells directly. Parameters `embedding.weight` (tokens only),
/// `rnn.<l>[.reverse].*` (see `Recurrent`), then (only when built with
/// normalization) `bn.final.weight/bias` or `ln.final.weight/bias`, and
/// `output.weight/bias`. Dropout slots `embedding`, `rnn.<l>` (between layers) and
/// `final`.
///
/// The normalization slot sits on the final state, the one hidden representation
/// every sequence has whatever its length: normalizing inside the recurrence
/// (Laurent et al., 2016; Cooijmans et al., 2017) would need per-step statistics
/// over padded batches, which this model does not keep.
public struct RecurrentClassifier: Model {
    /// The model's one declaration (registry id `rnn`).
    public static let declaration = ComponentDeclaration(
        "rnn", "text classifier: embedding + recurrent layers + linear",
        params: [
            .choice("cell", "lstm", Recurrent.Cell.allCases.map(\.rawValue), "recurrent cell (Elman, LSTM, GRU)"),
            .int("embed", 32, .atLeast(1), "embedding width"),
            .int("hidden", 64, .atLeast(1), "hidden state width"),
            .int("layers", 1, .atLeast(1), "stacked recurrent layers"),
            .bool("bidirectional", false, "also run the sequence backwards"),
            ModelParams.initScheme,
        ],
        traits: [.normalizable], costWeight: 20)

    public let name: String
    public let reader: SequenceReader
    public let recurrent: Recurrent
    public let last: Linear
    public let output: ModelOutput
    public let normalization: ForwardContext.Normalization
    public let batchNorm: BatchNorm?
    public let layerNorm: LayerNorm?

    public init(name: String, reader: SequenceReader, cell: Recurrent.Cell, hidden: Int, layers: Int,
                bidirectional: Bool, output: ModelOutput, normalization: ForwardContext.Normalization = .none,
                scheme: InitScheme) {
        self.name = name; self.reader = reader; self.output = output; self.normalization = normalization
        recurrent = Recurrent(name: "rnn", cell: cell, inputs: reader.width, hidden: hidden, layers: layers,
                              bidirectional: bidirectional, scheme: scheme)
        batchNorm = normalization == .batchnorm ? BatchNorm(name: "bn.final", features: recurrent.outputSize) : nil
        layerNorm = normalization == .layernorm ? LayerNorm(name: "ln.final", features: recurrent.outputSize) : nil
        last = Linear(name: "output", inputs: recurrent.outputSize, outputs: output.width, scheme: scheme)
    }

    public var parameterSpecs: [ParameterSpec] {
        reader.specs + recurrent.specs + (batchNorm?.specs ?? []) + (layerNorm?.specs ?? []) + last.specs
    }
    public var supportsDropout: Bool { true }
    public var supportsNormalization: Bool { true }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        precondition(context.normalization == .none || context.normalization == normalization,
                     "\(name) was built with normalization \(normalization), the forward pass asks for \(context.normalization)")
        var p = ParameterCursor(parameters)
        let (rows, batch, steps, lengths) = reader(input, timeMajor: true, tape: parameters[0].tape, &p)
        let x = Dropout(slot: "embedding")(rows, context: context)
        var final = recurrent(x, steps: steps, batch: batch, lengths: lengths, wantSequence: false, context: context, &p).final
        if let bn = batchNorm { final = bn(final, context: context, state: &state, &p) }
        if let ln = layerNorm { final = ln(final, epsilon: context.normEpsilon, &p) }
        return last(Dropout(slot: "final")(final, context: context), &p)
    }
}
