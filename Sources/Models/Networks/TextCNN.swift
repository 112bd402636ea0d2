import Support
import Engine

/// A 1-D convolutional text classifier after Kim (2014): embedding (token input)
/// -> Dropout -> one `Conv1DMaxPool` per width (ReLU, max over time) -> concatenated
/// features -> Dropout -> output layer.
///
/// Parameters `embedding.weight` (tokens only), `conv.w<width>.weight/bias` (keyed
/// by width, so adding a width leaves the others' initial values alone),
/// `output.weight/bias`. Dropout slots `embedding` and `features`.
public struct TextCNN: Model {
    /// The model's one declaration (registry id `cnn`).
    public static let declaration = ComponentDeclaration(
        "cnn", "1-D convolutional text classifier with max-over-time pooling (Kim 2014)",
        params: [
            .int("embed", 32, .atLeast(1), "embedding width"),
            .int("filters", 64, .atLeast(1), "filters per width"),
            .intList("widths", [3, 4, 5], .atLeast(1), "convolution widths"),
            ModelParams.initScheme,
        ],
        rules: [ModelParams.distinct("widths")], costWeight: 8)

    public let name: String
    public let reader: SequenceReader
    public let convolutions: [Conv1DMaxPool]
    public let last: Linear
    public let output: ModelOutput

    public init(name: String, reader: SequenceReader, filters: Int, widths: [Int], output: ModelOutput, scheme: InitScheme) {
        self.name = name; self.reader = reader; self.output = output
        convolutions = widths.map { Conv1DMaxPool(name: "conv.w\($0)", inputs: reader.width, filters: filters, width: $0, scheme: scheme) }
        last = Linear(name: "output", inputs: filters * widths.count, outputs: output.width, scheme: scheme)
    }

    public var parameterSpecs: [ParameterSpec] { reader.specs + convolutions.flatMap(\.specs) + last.specs }
    public var supportsDropout: Bool { true }
    public var supportsNormalization: Bool { false }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward<S: Scalar>(_ parameters: [Variable<S>], input: ModelInput<S>, context: ForwardContext,
                                   state: inout ModelState<S>) -> Variable<S> {
        var p = ParameterCursor(parameters)
        let (rows, batch, steps, lengths) = reader(input, timeMajor: false, tape: parameters[0].tape, &p)
        let x = Dropout(slot: "embedding")(rows, context: context)
        let pooled = convolutions.map { $0(x, batch: batch, steps: steps, lengths: lengths, &p) }
        let features = pooled.count == 1 ? pooled[0] : Variable.concat(pooled, axis: 1)
        return last(Dropout(slot: "features")(features, context: context), &p)
    }
}
