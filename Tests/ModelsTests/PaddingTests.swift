import Testing
import TestSupport
import Engine
import Support
@testable import Models

/// Padding must not influence outputs: appending padding steps, or changing the ids
/// stored in padding, leaves every valid output unchanged.
@Suite struct PaddingTests {
    func logits(_ model: any Model, _ input: ModelInput<Double>) -> Tensor<Double> {
        let tape = Tape<Double>()
        let params = model.initialParameters(seed: 3, as: Double.self).map { tape.parameter($0) }
        var state = ModelState<Double>()
        return model.forward(params, input: input, context: ForwardContext(mode: .eval), state: &state).value
    }

    static let short = ModelInput<Double>.tokens([1, 4, 2, 3, 1, 0], batch: 2, steps: 3, lengths: [3, 2])
    /// The same sequences with two more padding steps and garbage ids in the padding.
    static let long = ModelInput<Double>.tokens([1, 4, 2, 0, 0, 3, 1, 4, 4, 2], batch: 2, steps: 5, lengths: [3, 2])

    static let classifiers: [(String, [String: ParamValue])] = [
        ("rnn", ["cell": .string("lstm"), "embed": .int(4), "hidden": .int(3), "layers": .int(2), "bidirectional": .bool(true)]),
        ("rnn", ["cell": .string("gru"), "embed": .int(4), "hidden": .int(3)]),
        ("rnn", ["cell": .string("rnn"), "embed": .int(4), "hidden": .int(3), "bidirectional": .bool(true)]),
        ("cnn", ["embed": .int(4), "filters": .int(3), "widths": .intList([2, 4])]),
        ("transformer", ["d_model": .int(4), "heads": .int(2), "layers": .int(2), "ff": .int(6)]),
    ]

    @Test(arguments: classifiers.indices)
    func classifierLogitsIgnorePadding(index: Int) throws {
        let (id, params) = Self.classifiers[index]
        let model = try ModelRegistry.make(id: id, params: Params(params),
                                           data: .tokens(vocabulary: 5, maxLength: 5, classes: 3))
        let a = logits(model, Self.short), b = logits(model, Self.long)
        #expect(a.shape == [2, 3] && b.shape == [2, 3])
        for i in 0..<a.count { #expect(abs(a.data[i] - b.data[i]) <= 1e-12, "\(model.name) logit \(i)") }
    }

    @Test(arguments: ["gru", "transformer"])
    func languageModelLogitsIgnorePadding(cell: String) throws {
        let model = try ModelRegistry.make(id: "charlm", params: Params(["cell": .string(cell), "hidden": .int(4), "embed": .int(3),
                                                                         "heads": .int(2), "ff": .int(5)]),
                                           data: .languageModel(vocabulary: 5, maxLength: 5))
        let a = logits(model, Self.short), b = logits(model, Self.long)
        #expect(a.shape == [2, 3, 5] && b.shape == [2, 5, 5])
        for (batch, length) in [(0, 3), (1, 2)] {
            for t in 0..<length {
                for v in 0..<5 {
                    #expect(abs(a.data[(batch * 3 + t) * 5 + v] - b.data[(batch * 5 + t) * 5 + v]) <= 1e-12)
                }
            }
        }
    }

    /// A causal model's logits at step t do not depend on later tokens.
    @Test func causalTransformerIgnoresTheFuture() throws {
        let model = try ModelRegistry.make(id: "charlm", params: Params(["cell": .string("transformer"), "hidden": .int(4), "heads": .int(2)]),
                                           data: .languageModel(vocabulary: 5, maxLength: 4))
        let a = logits(model, .tokens([1, 2, 3, 4], batch: 1, steps: 4, lengths: [4]))
        let b = logits(model, .tokens([1, 2, 0, 1], batch: 1, steps: 4, lengths: [4]))
        for i in 0..<10 { #expect(abs(a.data[i] - b.data[i]) <= 1e-12) }
        #expect(abs(a.data[12] - b.data[12]) > 1e-9)
    }

    /// Feature-sequence padding: values beyond the length do not matter.
    @Test func featureSequencePaddingIgnored() throws {
        for id in ["rnn", "cnn", "transformer"] {
            let model = try ModelRegistry.make(id: id, params: Params(id == "transformer" ? ["d_model": .int(4), "heads": .int(2)] : [:]),
                                               data: .sequence(steps: 4, features: 2, classes: 3))
            var x = GradientCheck.tensor([2, 4, 2], seed: 8)
            let a = logits(model, .sequence(x, lengths: [4, 2]))
            for i in 12..<16 { x.data[i] = 100 }
            let b = logits(model, .sequence(x, lengths: [4, 2]))
            for i in 0..<a.count { #expect(abs(a.data[i] - b.data[i]) <= 1e-12, "\(id)") }
        }
    }
}
