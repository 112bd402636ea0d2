import Support
/// Model names and parameters accepted in grid files: trainable networks and
/// the analytic test functions of Moré, Garbow and Hillstrom (1981), which
/// take no dataset.
public enum ModelCatalog {
    static let initParam = ParamSpec.choice("init", "torch", ["torch", "xavier", "kaiming"],
                                            "weight initialization: torch defaults, Glorot uniform or He normal")
    static let size = ValueRange.atLeast(1)

    static func headsDivide(_ width: String) -> ParamRule {
        ParamRule("heads must divide \(width)") { p, _ in
            guard let h = p["heads"]?.intValue, let w = p[width]?.intValue, w % h != 0 else { return nil }
            return .init(key: "heads", "must divide \(width) (\(w)), got \(h)")
        }
    }

    static func testFunction(_ id: String, _ doc: String, params: [ParamSpec] = [],
                             rules: [ParamRule] = []) -> ComponentEntry {
        ComponentEntry(id, doc, params: params, traits: [.testFunction], rules: rules)
    }

    public static let catalog = ComponentCatalog(axis: .model, entries: [
        ComponentEntry("logreg", "multinomial logistic regression (one linear layer + softmax)",
                       params: [initParam]),
        ComponentEntry("mlp", "fully connected network", params: [
            .intList("hidden", [128], size, "widths of the hidden layers"),
            .choice("activation", "relu", ["relu", "tanh", "sigmoid", "gelu"], "hidden-layer activation"),
            initParam,
        ]),
        ComponentEntry("rnn", "text classifier: embedding + recurrent layers + linear", params: [
            .choice("cell", "lstm", ["rnn", "lstm", "gru"], "recurrent cell (Elman, LSTM, GRU)"),
            .int("embed", 32, size, "embedding width"),
            .int("hidden", 64, size, "hidden state width"),
            .int("layers", 1, size, "stacked recurrent layers"),
            .bool("bidirectional", false, "also run the sequence backwards"),
            initParam,
        ]),
        ComponentEntry("cnn", "1-D convolutional text classifier with max-over-time pooling (Kim 2014)", params: [
            .int("embed", 32, size, "embedding width"),
            .int("filters", 64, size, "filters per width"),
            .intList("widths", [3, 4, 5], size, "convolution widths"),
            initParam,
        ]),
        ComponentEntry("transformer", "self-attention encoder classifier (Vaswani et al. 2017)", params: [
            .int("d_model", 32, size, "model width"),
            .int("heads", 4, size, "attention heads"),
            .int("layers", 2, size, "encoder layers"),
            .int("ff", 64, size, "feed-forward width"),
            .int("max_len", 512, size, "longest sequence (learned positions)"),
            initParam,
        ], rules: [headsDivide("d_model")]),
        ComponentEntry("charlm", "character-level language model", params: [
            .choice("cell", "lstm", ["rnn", "lstm", "gru", "transformer"], "sequence block"),
            .int("embed", 32, size, "character embedding width"),
            .int("hidden", 128, size, "hidden width (the model width of the transformer cell)"),
            .int("layers", 1, size, "stacked layers"),
            .int("heads", 4, size, "attention heads (transformer cell)"),
            .int("ff", 256, size, "feed-forward width (transformer cell)"),
            initParam,
        ], rules: [ParamRule("with cell transformer, heads must divide hidden") { p, u in
            guard p["cell"]?.stringValue == "transformer" else { return nil }
            return headsDivide("hidden").apply(&p, u)
        }]),
        testFunction("rosenbrock", "Rosenbrock function, n = 2, minimum 0 at (1, 1)"),
        testFunction("extended_rosenbrock", "extended Rosenbrock function (MGH 21), minimum 0 at (1, ..., 1)",
                     params: [.int("n", 10, .atLeast(2), "dimension, even")],
                     rules: [ParamRule("n is even") { p, _ in
                         guard let n = p["n"]?.intValue, n % 2 != 0 else { return nil }
                         return .init(key: "n", "must be even, got \(n)")
                     }]),
        testFunction("powell_singular", "Powell singular function (MGH 13), n = 4, minimum 0 at 0"),
        testFunction("beale", "Beale function (MGH 5), n = 2, minimum 0 at (3, 0.5)"),
        testFunction("wood", "Wood function (MGH 14), n = 4, minimum 0 at (1, 1, 1, 1)"),
        testFunction("freudenstein_roth", "Freudenstein and Roth function (MGH 2), n = 2, minimum 0 at (5, 4)"),
        testFunction("brown_badly_scaled", "Brown badly scaled function (MGH 4), n = 2, minimum 0 at (1e6, 2e-6)"),
        testFunction("helical_valley", "helical valley function (MGH 7), n = 3, minimum 0 at (1, 0, 0)"),
        testFunction("quadratic", "convex quadratic 0.5 x'Ax with eigenvalues spread log-uniformly, minimum 0 at 0",
                     params: [
                         .int("n", 10, size, "dimension"),
                         .double("condition", 100, .atLeast(1), "condition number of A"),
                     ]),
    ])
}
