import Testing
import Engine
import Support
@testable import Models

/// Registry construction, parameter counts worked out by hand, canonical names,
/// and rejection of bad input with the key and the nearest valid name.
@Suite struct RegistryTests {
    func make(_ id: String, _ params: [String: ParamValue] = [:], data: DataSignature) throws(ModelError) -> any Model {
        try ModelRegistry.make(id: id, params: Params(params), data: data)
    }

    func error(_ id: String, _ params: [String: ParamValue] = [:], data: DataSignature,
               normalization: ForwardContext.Normalization = .none) -> ModelError? {
        do {
            _ = try ModelRegistry.make(id: id, params: Params(params), data: data, normalization: normalization)
            return nil
        } catch { return error }
    }

    @Test func everyIdHasDefaultsAndBuilds() throws {
        #expect(ModelRegistry.ids.count == 15)
        for id in ModelRegistry.ids {
            let data: DataSignature
            switch id {
            case "logreg", "mlp": data = .dense(features: 4, classes: 3)
            case "charlm": data = .languageModel(vocabulary: 6, maxLength: 8)
            case _ where ModelRegistry.isTestFunction(id): data = .none
            default: data = .tokens(vocabulary: 6, maxLength: 8, classes: 2)
            }
            let model = try make(id, data: data)
            #expect(model.parameterCount > 0)
            #expect(ModelRegistry.isTestFunction(id) == (data == .none))
        }
        #expect(ModelRegistry.declaration(id: "rosenbrock")!.defaults.isEmpty)
        #expect(ModelRegistry.declaration(id: "quadratic")!.defaults["condition"] == .double(100))
    }

    /// Counts: Linear in*out + out; LSTM 4 (E H + H H + 2 H) per direction (torch);
    /// Conv1d w E F + F; attention 4 D^2 + 4 D; LayerNorm 2 D.
    @Test func parameterCountsByHand() throws {
        #expect(try make("logreg", data: .dense(features: 64, classes: 10)).parameterCount == 650)
        #expect(try make("mlp", data: .dense(features: 64, classes: 10)).parameterCount == 64 * 128 + 128 + 128 * 10 + 10)
        let tokens = DataSignature.tokens(vocabulary: 100, maxLength: 20, classes: 2)
        #expect(try make("rnn", data: tokens).parameterCount == 3200 + 4 * (32 * 64 + 64 * 64 + 128) + 130)
        #expect(try make("rnn", ["cell": .string("gru"), "bidirectional": .bool(true)], data: tokens).parameterCount
                == 3200 + 2 * 3 * (32 * 64 + 64 * 64 + 128) + 128 * 2 + 2)
        #expect(try make("cnn", data: tokens).parameterCount == 3200 + 12 * 32 * 64 + 3 * 64 + 192 * 2 + 2)
        let block = 64 + (4 * 32 * 32 + 4 * 32) + 64 + (32 * 64 + 64) + (64 * 32 + 32)
        #expect(try make("transformer", data: tokens).parameterCount == 3200 + 2 * block + 64 + 66)
        let lm = DataSignature.languageModel(vocabulary: 50, maxLength: 64)
        #expect(try make("charlm", data: lm).parameterCount == 1600 + 4 * (32 * 128 + 128 * 128 + 256) + 128 * 50 + 50)
        #expect(try make("quadratic", data: .none).parameterCount == 10)
        #expect(try ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([8, 4])]), data: .dense(features: 3, classes: 2),
                                       normalization: .batchnorm).parameterCount == (3 * 8 + 8) + 16 + (8 * 4 + 4) + 8 + (4 * 2 + 2))
    }

    @Test func canonicalNamesListResolvedParameters() throws {
        #expect(try make("mlp", data: .dense(features: 4, classes: 2)).name == "mlp(activation=relu,hidden=[128],init=torch)")
        #expect(try make("quadratic", ["condition": .int(1000)], data: .none).name == "quadratic(condition=1000.0,n=10,rotate=true)")
        #expect(try make("beale", data: .none).name == "beale")
    }

    @Test func outputsFollowTheData() throws {
        #expect(try make("mlp", data: .regression(features: 3, outputs: 2)).output == .regression(outputs: 2))
        #expect(try make("rnn", data: .sequence(steps: 8, features: 8, classes: 10)).output == .logits(classes: 10))
        #expect(try make("charlm", data: .languageModel(vocabulary: 30, maxLength: 10)).output == .sequenceLogits(classes: 30))
    }

    @Test func unknownModelSuggestsNearest() {
        let e = error("mpl", data: .dense(features: 4, classes: 2))
        #expect(e?.key == nil && e?.message.contains("did you mean 'mlp'") == true)
        #expect(error("transformr", data: .none)?.message.contains("'transformer'") == true)
    }

    @Test func unknownParameterNamesKeyAndNearest() {
        let e = error("mlp", ["hiden": .intList([3])], data: .dense(features: 4, classes: 2))
        #expect(e?.key == "hiden" && e?.message.contains("did you mean 'hidden'") == true)
        let t = error("transformer", ["dmodel": .int(8)], data: .tokens(vocabulary: 5, maxLength: 4, classes: 2))
        #expect(t?.key == "dmodel" && t?.message.contains("'d_model'") == true)
        #expect(error("rosenbrock", ["n": .int(4)], data: .none)?.key == "n")
    }

    @Test func impossibleSizesAreRejected() {
        let dense = DataSignature.dense(features: 4, classes: 2), tokens = DataSignature.tokens(vocabulary: 5, maxLength: 4, classes: 2)
        #expect(error("mlp", ["hidden": .intList([8, 0])], data: dense)?.key == "hidden")
        #expect(error("rnn", ["hidden": .int(-3)], data: tokens)?.key == "hidden")
        #expect(error("cnn", ["widths": .intList([3, 3])], data: tokens)?.key == "widths")
        let heads = error("transformer", ["d_model": .int(10), "heads": .int(4)], data: tokens)
        #expect(heads?.key == "heads" && heads?.message.contains("d_model") == true)
        #expect(error("transformer", ["max_len": .int(3)], data: tokens)?.key == "max_len")
        #expect(error("charlm", ["cell": .string("transformer"), "hidden": .int(6)], data: .languageModel(vocabulary: 5, maxLength: 4))?.key == "heads")
        #expect(error("extended_rosenbrock", ["n": .int(5)], data: .none)?.key == "n")
        #expect(error("quadratic", ["condition": .double(0.5)], data: .none)?.key == "condition")
        #expect(error("quadratic", ["n": .int(0)], data: .none)?.key == "n")
    }

    @Test func wrongTypesAndChoicesAreRejected() {
        let tokens = DataSignature.tokens(vocabulary: 5, maxLength: 4, classes: 2)
        let cell = error("rnn", ["cell": .string("lstn")], data: tokens)
        #expect(cell?.key == "cell" && cell?.message.contains("did you mean 'lstm'") == true)
        #expect(error("rnn", ["cell": .string("transformer")], data: tokens)?.key == "cell")
        #expect(error("rnn", ["bidirectional": .int(1)], data: tokens)?.key == "bidirectional")
        #expect(error("mlp", ["activation": .string("relu6")], data: .dense(features: 2, classes: 2))?.key == "activation")
        #expect(error("logreg", ["init": .string("xavir")], data: .dense(features: 2, classes: 2))?.message.contains("'xavier'") == true)
        #expect(error("mlp", ["hidden": .string("big")], data: .dense(features: 2, classes: 2))?.key == "hidden")
    }

    @Test func incompatibleDataAndSlotsAreRejected() {
        #expect(error("rnn", data: .dense(features: 4, classes: 2)) != nil)
        #expect(error("mlp", data: .tokens(vocabulary: 4, maxLength: 3, classes: 2)) != nil)
        #expect(error("charlm", data: .tokens(vocabulary: 4, maxLength: 3, classes: 2)) != nil)
        #expect(error("mlp", data: .none) != nil)
        #expect(error("mlp", data: .dense(features: 0, classes: 2)) != nil)
        #expect(error("cnn", data: .tokens(vocabulary: 4, maxLength: 3, classes: 2), normalization: .batchnorm) != nil)
        #expect(error("transformer", data: .tokens(vocabulary: 4, maxLength: 3, classes: 2), normalization: .layernorm) != nil)
        #expect(error("rnn", data: .tokens(vocabulary: 4, maxLength: 3, classes: 2), normalization: .batchnorm) == nil)
    }
}
