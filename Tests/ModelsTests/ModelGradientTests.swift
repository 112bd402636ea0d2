import Testing
import TestSupport
import Engine
import Support
@testable import Models

/// Float64 gradient checks of every registry model on tiny sizes (loss against the
/// parameters, relative error < 1e-6), with padded batches.
@Suite struct ModelGradientTests {
    static let tol = 1e-6

    /// Two token sequences of 3 steps (the second 2 long, with a garbage id in its padding).
    static let tokens = ModelInput<Double>.tokens([1, 4, 2, 3, 1, 3], batch: 2, steps: 3, lengths: [3, 2])
    static let tokenData = DataSignature.tokens(vocabulary: 5, maxLength: 3, classes: 3)

    func checkModel(_ id: String, _ params: [String: ParamValue], data: DataSignature, input: ModelInput<Double>,
                    labels: [Int], normalization: ForwardContext.Normalization = .none,
                    context: ForwardContext = ForwardContext()) throws {
        let model = try ModelRegistry.make(id: id, params: Params(params), data: data, normalization: normalization)
        let inputs = GradientCheck.parameters(of: model, seed: 5)
        let error = GradientCheck.maxGradientError(inputs) { vars in
            GradientCheck.loss(model, vars, input: input, labels: labels, context: context)
        }
        #expect(error < Self.tol, "\(model.name): gradient error \(error)")
    }

    @Test func logisticRegression() throws {
        try checkModel("logreg", [:], data: .dense(features: 3, classes: 3),
                       input: .dense(GradientCheck.tensor([4, 3], seed: 1)), labels: [0, 2, 1, 2])
    }

    @Test(arguments: ["relu", "tanh", "sigmoid", "gelu"])
    func multilayerPerceptron(activation: String) throws {
        try checkModel("mlp", ["hidden": .intList([4, 3]), "activation": .string(activation)],
                       data: .dense(features: 3, classes: 2), input: .dense(GradientCheck.tensor([4, 3], seed: 2)),
                       labels: [0, 1, 1, 0])
    }

    @Test(arguments: [ForwardContext.Normalization.batchnorm, .layernorm])
    func multilayerPerceptronWithNormalizationAndDropout(normalization: ForwardContext.Normalization) throws {
        try checkModel("mlp", ["hidden": .intList([4])], data: .dense(features: 3, classes: 2),
                       input: .dense(GradientCheck.tensor([5, 3], seed: 3)), labels: [0, 1, 1, 0, 1],
                       normalization: normalization,
                       context: ForwardContext(mode: .train, seed: 1, step: 2, dropout: 0.25, normalization: normalization))
    }

    @Test(arguments: ["rnn", "lstm", "gru"])
    func recurrentClassifierOnTokens(cell: String) throws {
        try checkModel("rnn", ["cell": .string(cell), "embed": .int(3), "hidden": .int(2), "layers": .int(2),
                               "bidirectional": .bool(true)],
                       data: Self.tokenData, input: Self.tokens, labels: [2, 0])
    }

    @Test func recurrentClassifierWithDropoutBetweenLayers() throws {
        try checkModel("rnn", ["cell": .string("lstm"), "embed": .int(3), "hidden": .int(2), "layers": .int(2)],
                       data: Self.tokenData, input: Self.tokens, labels: [1, 2],
                       context: ForwardContext(mode: .train, seed: 4, step: 9, dropout: 0.3))
    }

    /// Normalization of the final state; four sequences so batch statistics are not degenerate.
    @Test(arguments: [ForwardContext.Normalization.batchnorm, .layernorm])
    func recurrentClassifierWithNormalization(normalization: ForwardContext.Normalization) throws {
        let input = ModelInput<Double>.tokens([1, 4, 2, 3, 1, 3, 2, 2, 0, 4, 1, 1], batch: 4, steps: 3, lengths: [3, 2, 3, 1])
        try checkModel("rnn", ["cell": .string("gru"), "embed": .int(3), "hidden": .int(3)],
                       data: Self.tokenData, input: input, labels: [2, 0, 1, 1], normalization: normalization,
                       context: ForwardContext(mode: .train, seed: 2, step: 1, dropout: 0.2, normalization: normalization))
    }

    @Test func recurrentRegressorOnFeatureSequences() throws {
        try checkModel("rnn", ["cell": .string("gru"), "hidden": .int(3)],
                       data: .sequenceRegression(steps: 3, features: 2, outputs: 1),
                       input: .sequence(GradientCheck.tensor([2, 3, 2], seed: 4), lengths: [3, 1]), labels: [])
    }

    @Test func convolutionalClassifier() throws {
        try checkModel("cnn", ["embed": .int(3), "filters": .int(2), "widths": .intList([1, 2])],
                       data: Self.tokenData, input: Self.tokens, labels: [1, 2])
    }

    @Test func transformerOnTokens() throws {
        try checkModel("transformer", ["d_model": .int(4), "heads": .int(2), "layers": .int(1), "ff": .int(4), "max_len": .int(8)],
                       data: Self.tokenData, input: Self.tokens, labels: [1, 0])
    }

    @Test func transformerOnFeatureSequences() throws {
        try checkModel("transformer", ["d_model": .int(4), "heads": .int(1), "layers": .int(1), "ff": .int(3)],
                       data: .sequence(steps: 3, features: 2, classes: 2),
                       input: .sequence(GradientCheck.tensor([2, 3, 2], seed: 5), lengths: [2, 3]), labels: [1, 0])
    }

    @Test(arguments: ["lstm", "transformer"])
    func characterLanguageModel(cell: String) throws {
        try checkModel("charlm", ["cell": .string(cell), "embed": .int(3), "hidden": .int(4), "heads": .int(2), "ff": .int(4)],
                       data: .languageModel(vocabulary: 5, maxLength: 3), input: Self.tokens,
                       labels: [4, 2, 0, 1, 3, -1])
    }

    /// Exact Hessian-vector products of whole-model losses against differences of
    /// gradients (relative error < 1e-5), as the second-order optimizers use them.
    @Test func hessianVectorProductsOfModelLosses() throws {
        let cases: [(String, [String: ParamValue], DataSignature, ModelInput<Double>, [Int])] = [
            ("mlp", ["hidden": .intList([3]), "activation": .string("tanh")], .dense(features: 2, classes: 2),
             .dense(GradientCheck.tensor([3, 2], seed: 6)), [0, 1, 1]),
            ("rnn", ["cell": .string("gru"), "embed": .int(2), "hidden": .int(2)], Self.tokenData, Self.tokens, [0, 2]),
            ("charlm", ["cell": .string("transformer"), "hidden": .int(4), "heads": .int(2), "ff": .int(3)],
             .languageModel(vocabulary: 5, maxLength: 3), Self.tokens, [4, 2, 0, 1, 3, -1]),
        ]
        for (id, params, data, input, labels) in cases {
            let model = try ModelRegistry.make(id: id, params: Params(params), data: data)
            let error = GradientCheck.maxHVPError(GradientCheck.parameters(of: model, seed: 8)) { vars in
                GradientCheck.loss(model, vars, input: input, labels: labels)
            }
            #expect(error < 1e-5, "\(model.name): HVP error \(error)")
        }
    }
}
