import Support

/// The models a grid file can name, their parameters with defaults, and their
/// construction from resolved parameters and the data's signature.
///
/// Every parameter has a default, so the bare id works. Unknown ids and keys are
/// rejected with the nearest valid name; sizes must be positive and `heads` must
/// divide the model width.
public enum ModelRegistry {
    /// Every model's declaration, in registry order: networks, then test functions.
    public static let declarations: [ComponentDeclaration] = [
        LogisticRegression.declaration, MultilayerPerceptron.declaration, RecurrentClassifier.declaration,
        TextCNN.declaration, TransformerClassifier.declaration, CharacterLanguageModel.declaration,
        ExtendedRosenbrock.rosenbrockDeclaration, ExtendedRosenbrock.declaration, PowellSingular.declaration,
        Beale.declaration, Wood.declaration, FreudensteinRoth.declaration, BrownBadlyScaled.declaration,
        HelicalValley.declaration, ConvexQuadratic.declaration,
    ]

    /// Registry ids in registry order.
    public static let ids: [String] = declarations.map(\.id)

    /// The declaration of `id`, if registered.
    public static func declaration(id: String) -> ComponentDeclaration? {
        declarations.first { $0.id == id }
    }

    /// True for the analytic test functions (no data; parameters are the point).
    public static func isTestFunction(_ id: String) -> Bool {
        declaration(id: id)?.traits.contains(.testFunction) ?? false
    }

    /// Builds model `id` for data of the given signature.
    ///
    /// - Parameters:
    ///   - params: the grid's parameters (missing keys take their defaults).
    ///   - normalization: normalization inserted in the model's normalization slots;
    ///     its gains and biases are parameters only when it is not `.none`.
    /// - Throws: `ModelError` naming the unknown id or key (with the nearest valid
    ///   name), the invalid value, or the data the model cannot read.
    public static func make(id: String, params: Params, data: DataSignature,
                            normalization: ForwardContext.Normalization = .none) throws(ModelError) -> any Model {
        guard ids.contains(id) else {
            throw ModelError(model: id, key: nil, message: "unknown model '\(id)'\(NearestName.hint(id, among: ids)); known: \(ids.joined(separator: ", "))")
        }
        let declaration = declaration(id: id)!
        var r = try ParamReader(declaration, params: params)
        if normalization != .none && !declaration.traits.contains(.normalizable) {
            let slotted = declarations.filter { $0.traits.contains(.normalizable) }.map(\.id)
            throw ModelError(model: id, key: nil, message: "model '\(id)' has no normalization slot for \(normalization.rawValue) "
                             + "(only \(slotted.joined(separator: " and ")) have)")
        }
        if isTestFunction(id) { return try makeTestFunction(id, &r) }
        let scheme = try r.choice("init", InitScheme.self)
        try check(data, id: id)
        switch id {
        case "logreg":
            let (features, output) = try denseShape(data, id: id)
            return LogisticRegression(name: r.canonicalName(), features: features, output: output, scheme: scheme)
        case "mlp":
            let hidden = try r.positiveIntList("hidden", allowEmpty: true)
            let activation = try r.choice("activation", Activation.self)
            let (features, output) = try denseShape(data, id: id)
            return MultilayerPerceptron(name: r.canonicalName(), features: features, hidden: hidden, activation: activation,
                                        output: output, normalization: normalization, scheme: scheme)
        case "rnn":
            let cell = try r.choice("cell", Recurrent.Cell.self)
            let embed = try r.positiveInt("embed"), hidden = try r.positiveInt("hidden"), layers = try r.positiveInt("layers")
            let bidirectional = try r.bool("bidirectional")
            let (reader, output, _) = try sequenceShape(data, id: id, embed: embed, scheme: scheme)
            return RecurrentClassifier(name: r.canonicalName(), reader: reader, cell: cell, hidden: hidden, layers: layers,
                                       bidirectional: bidirectional, output: output, normalization: normalization,
                                       scheme: scheme)
        case "cnn":
            let embed = try r.positiveInt("embed"), filters = try r.positiveInt("filters")
            let widths = try r.positiveIntList("widths", allowEmpty: false)
            let (reader, output, _) = try sequenceShape(data, id: id, embed: embed, scheme: scheme)
            return TextCNN(name: r.canonicalName(), reader: reader, filters: filters, widths: widths, output: output, scheme: scheme)
        case "transformer":
            let d = try r.positiveInt("d_model"), heads = try r.positiveInt("heads"), layers = try r.positiveInt("layers")
            let ff = try r.positiveInt("ff"), maxLen = try r.positiveInt("max_len")
            let (reader, output, steps) = try sequenceShape(data, id: id, embed: d, scheme: scheme)
            if steps > maxLen { throw r.error("max_len", "(\(maxLen)) is shorter than the data's sequences (\(steps) steps)") }
            return TransformerClassifier(name: r.canonicalName(), reader: reader, dim: d, heads: heads, layers: layers,
                                         feedForward: ff, maxLength: maxLen, output: output, scheme: scheme)
        default:
            return try makeCharLM(data, &r, scheme: scheme)
        }
    }

    /// The cells a character model can use.
    enum CharLMCell: String, CaseIterable { case rnn, lstm, gru, transformer }

    private static func makeCharLM(_ data: DataSignature, _ r: inout ParamReader, scheme: InitScheme) throws(ModelError) -> any Model {
        let cell = try r.choice("cell", CharLMCell.self)
        let embed = try r.positiveInt("embed"), hidden = try r.positiveInt("hidden"), layers = try r.positiveInt("layers")
        let heads = try r.positiveInt("heads"), ff = try r.positiveInt("ff")
        guard case .languageModel(let vocabulary, let maxLength) = data else { preconditionFailure("checked by check(_:id:)") }
        if let recurrent = Recurrent.Cell(rawValue: cell.rawValue) {
            return CharacterLanguageModel(name: r.canonicalName(), vocabulary: vocabulary, embed: embed, cell: recurrent,
                                          hidden: hidden, layers: layers, scheme: scheme)
        }
        return CharacterLanguageModel(name: r.canonicalName(), vocabulary: vocabulary, dim: hidden, heads: heads,
                                      layers: layers, feedForward: ff, maxLength: maxLength, scheme: scheme)
    }

    private static func makeTestFunction(_ id: String, _ r: inout ParamReader) throws(ModelError) -> any Model {
        let function: any TestFunction
        switch id {
        case "rosenbrock": function = ExtendedRosenbrock(n: 2)
        case "extended_rosenbrock":
            function = ExtendedRosenbrock(n: try r.positiveInt("n"))
        case "powell_singular": function = PowellSingular()
        case "beale": function = Beale()
        case "wood": function = Wood()
        case "freudenstein_roth": function = FreudensteinRoth()
        case "brown_badly_scaled": function = BrownBadlyScaled()
        case "helical_valley": function = HelicalValley()
        default:
            let n = try r.positiveInt("n"), condition = try r.double("condition", atLeast: 1), rotate = try r.bool("rotate")
            function = ConvexQuadratic(n: n, condition: condition, rotated: rotate)
        }
        return TestFunctionModel(name: r.canonicalName(), function: function)
    }

    /// Rejects data the model cannot read, and impossible data sizes.
    private static func check(_ data: DataSignature, id: String) throws(ModelError) {
        let sizes: [Int]
        switch data {
        case .dense(let f, let c): sizes = [f, c]
        case .sequence(let s, let f, let c): sizes = [s, f, c]
        case .tokens(let v, let m, let c): sizes = [v, m, c]
        case .languageModel(let v, let m): sizes = [v, m]
        case .regression(let f, let o): sizes = [f, o]
        case .sequenceRegression(let s, let f, let o): sizes = [s, f, o]
        case .none: throw ModelError(model: id, key: nil, message: "model '\(id)' needs a data set")
        }
        if sizes.contains(where: { $0 <= 0 }) {
            throw ModelError(model: id, key: nil, message: "model '\(id)': the data set has an empty dimension (\(data))")
        }
        let accepted: Bool
        switch (id, data) {
        case ("logreg", .dense), ("logreg", .sequence), ("logreg", .regression), ("logreg", .sequenceRegression),
             ("mlp", .dense), ("mlp", .sequence), ("mlp", .regression), ("mlp", .sequenceRegression):
            accepted = true
        case ("rnn", .sequence), ("rnn", .tokens), ("rnn", .sequenceRegression),
             ("cnn", .sequence), ("cnn", .tokens), ("cnn", .sequenceRegression),
             ("transformer", .sequence), ("transformer", .tokens), ("transformer", .sequenceRegression):
            accepted = true
        case ("charlm", .languageModel): accepted = true
        default: accepted = false
        }
        if !accepted {
            let needs: String
            switch id {
            case "logreg", "mlp": needs = "feature vectors or fixed-length feature sequences"
            case "charlm": needs = "a language-modelling data set (next-token targets)"
            default: needs = "token or feature sequences with one target per sequence (use charlm for language modelling)"
            }
            throw ModelError(model: id, key: nil, message: "model '\(id)' cannot read \(data): it needs \(needs)")
        }
    }

    /// Input features and output of the feed-forward models.
    private static func denseShape(_ data: DataSignature, id: String) throws(ModelError) -> (Int, ModelOutput) {
        switch data {
        case .dense(let f, let c): return (f, .logits(classes: c))
        case .sequence(let s, let f, let c): return (s * f, .logits(classes: c))
        case .regression(let f, let o): return (f, .regression(outputs: o))
        case .sequenceRegression(let s, let f, let o): return (s * f, .regression(outputs: o))
        default: preconditionFailure("checked by check(_:id:)")
        }
    }

    /// Input reader, output and maximum length of the sequence models.
    private static func sequenceShape(_ data: DataSignature, id: String, embed: Int,
                                      scheme: InitScheme) throws(ModelError) -> (SequenceReader, ModelOutput, Int) {
        switch data {
        case .sequence(let s, let f, let c): return (SequenceReader(features: f), .logits(classes: c), s)
        case .sequenceRegression(let s, let f, let o): return (SequenceReader(features: f), .regression(outputs: o), s)
        case .tokens(let v, let m, let c):
            return (SequenceReader(embeddingName: "embedding", vocabulary: v, dim: embed, scheme: scheme), .logits(classes: c), m)
        default: preconditionFailure("checked by check(_:id:)")
        }
    }
}
