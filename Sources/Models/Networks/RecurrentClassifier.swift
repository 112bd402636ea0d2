import Engine

/// A recurrent sequence classifier (or regressor): embedding (token input) ->
/// Dropout -> `Recurrent` stack -> Dropout -> output layer on the final state.
///
/// The final state is the hidden state at each sequence's last valid step, joined
/// with the reverse direction's state at step 0 when bidirectional. Feature
/// sequences feed the cells directly. Parameters `embedding.weight` (tokens only),
/// `rnn.<l>[.reverse].*` (see `Recurrent`), `output.weight/bias`. Dropout slots
/// `embedding`, `rnn.<l>` (between layers) and `final`.
public struct RecurrentClassifier: Model {
    public let name: String
    public let reader: SequenceReader
    public let recurrent: Recurrent
    public let last: Linear
    public let output: ModelOutput

    public init(name: String, reader: SequenceReader, cell: Recurrent.Cell, hidden: Int, layers: Int,
                bidirectional: Bool, output: ModelOutput, scheme: InitScheme) {
        self.name = name; self.reader = reader; self.output = output
        recurrent = Recurrent(name: "rnn", cell: cell, inputs: reader.width, hidden: hidden, layers: layers,
                              bidirectional: bidirectional, scheme: scheme)
        last = Linear(name: "output", inputs: recurrent.outputSize, outputs: output.width, scheme: scheme)
    }

    public var parameterSpecs: [ParameterSpec] { reader.specs + recurrent.specs + last.specs }
    public var supportsDropout: Bool { true }
    public var supportsNormalization: Bool { false }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        var p = ParameterCursor(parameters)
        let (rows, batch, steps, lengths) = reader(input, timeMajor: true, tape: parameters[0].tape, &p)
        let x = Dropout(slot: "embedding")(rows, context: context)
        let final = recurrent(x, steps: steps, batch: batch, lengths: lengths, wantSequence: false, context: context, &p).final
        return last(Dropout(slot: "final")(final, context: context), &p)
    }
}
