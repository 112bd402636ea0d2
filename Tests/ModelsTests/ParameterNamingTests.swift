import Testing
import Engine
import Support
@testable import Models

/// Stable parameter names, initial values drawn from the documented per-name
/// stream, and independence of a layer's values from the layers around it.
@Suite struct ParameterNamingTests {
    let dense = DataSignature.dense(features: 3, classes: 2)
    let tokens = DataSignature.tokens(vocabulary: 7, maxLength: 5, classes: 2)

    func initial(_ model: any Model, seed: UInt64 = 11) -> [String: [Double]] {
        Dictionary(uniqueKeysWithValues: zip(model.parameterSpecs.map(\.name), model.initialParameters(seed: seed, as: Double.self).map(\.data)))
    }

    @Test func namesAreStable() throws {
        let mlp = try ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([4])]), data: dense)
        #expect(mlp.parameterSpecs.map(\.name) == ["hidden.0.weight", "hidden.0.bias", "output.weight", "output.bias"])
        let bn = try ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([4])]), data: dense, normalization: .batchnorm)
        #expect(bn.parameterSpecs.map(\.name) == ["hidden.0.weight", "hidden.0.bias", "bn.0.weight", "bn.0.bias", "output.weight", "output.bias"])
        let transformer = try ModelRegistry.make(id: "transformer", params: Params(["layers": .int(1)]), data: tokens)
        #expect(transformer.parameterSpecs.map(\.name) == [
            "embedding.weight", "encoder.0.ln1.weight", "encoder.0.ln1.bias",
            "encoder.0.attn.wq", "encoder.0.attn.wk", "encoder.0.attn.wv", "encoder.0.attn.bq", "encoder.0.attn.bk",
            "encoder.0.attn.bv", "encoder.0.attn.wo", "encoder.0.attn.bo", "encoder.0.ln2.weight", "encoder.0.ln2.bias",
            "encoder.0.ff1.weight", "encoder.0.ff1.bias", "encoder.0.ff2.weight", "encoder.0.ff2.bias",
            "norm.weight", "norm.bias", "output.weight", "output.bias",
        ])
        let rnn = try ModelRegistry.make(id: "rnn", params: Params(["bidirectional": .bool(true)]), data: tokens)
        #expect(rnn.parameterSpecs.map(\.name).contains("rnn.0.reverse.weight_hh"))
        #expect(Set(rnn.parameterSpecs.map(\.name)).count == rnn.parameterSpecs.count)
    }

    /// Values follow the documented key RandomStream(seed, "init/" + name) and the
    /// torch default bound 1/sqrt(fan_in) (Linear) or N(0, 1) (Embedding).
    @Test func initialValuesComeFromTheNamedStream() throws {
        let mlp = try ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([4])]), data: dense)
        let values = initial(mlp, seed: 5)
        var rng = RandomStream(seed: 5, purpose: "init/hidden.0.weight")
        let bound = 1 / 3.0.squareRoot()
        #expect(values["hidden.0.weight"] == (0..<12).map { _ in rng.uniform(-bound, bound) })
        let rnn = try ModelRegistry.make(id: "rnn", params: Params(["embed": .int(3)]), data: tokens)
        var e = RandomStream(seed: 9, purpose: "init/embedding.weight")
        #expect(initial(rnn, seed: 9)["embedding.weight"] == (0..<21).map { _ in e.normal() })
    }

    @Test func initialValuesRepeatAndDependOnSeed() throws {
        let model = try ModelRegistry.make(id: "transformer", params: Params(["d_model": .int(8), "heads": .int(2)]), data: tokens)
        #expect(initial(model) == initial(model))
        #expect(initial(model, seed: 1)["encoder.0.attn.wq"] != initial(model, seed: 2)["encoder.0.attn.wq"])
        #expect(initial(model)["encoder.0.attn.wq"] != initial(model)["encoder.0.attn.wk"])
    }

    @Test func addingALayerLeavesOtherValuesAlone() throws {
        let one = initial(try ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([4])]), data: dense))
        let two = initial(try ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([4, 5])]), data: dense))
        #expect(one["hidden.0.weight"] == two["hidden.0.weight"] && one["hidden.0.bias"] == two["hidden.0.bias"])
        let small = initial(try ModelRegistry.make(id: "transformer", params: Params(["layers": .int(1)]), data: tokens))
        let big = initial(try ModelRegistry.make(id: "transformer", params: Params(["layers": .int(3)]), data: tokens))
        for name in small.keys where name.hasPrefix("encoder.0") || name == "embedding.weight" { #expect(small[name] == big[name]) }
        let cnn3 = initial(try ModelRegistry.make(id: "cnn", params: Params(["widths": .intList([3])]), data: tokens))
        let cnn23 = initial(try ModelRegistry.make(id: "cnn", params: Params(["widths": .intList([2, 3])]), data: tokens))
        #expect(cnn3["conv.w3.weight"] == cnn23["conv.w3.weight"])
    }

    /// Glorot bound sqrt(6 / (fan_in + fan_out)) and He std sqrt(2 / fan_in).
    @Test func initSchemesUseTheirFormulas() throws {
        let big = DataSignature.dense(features: 400, classes: 100)
        let xavier = try ModelRegistry.make(id: "logreg", params: Params(["init": .string("xavier")]), data: big)
        let w = xavier.initialParameters(seed: 0, as: Double.self)
        let bound = (6.0 / 500).squareRoot()
        #expect(w[0].data.allSatisfy { abs($0) <= bound } && w[0].data.contains { abs($0) > 0.95 * bound })
        #expect(w[1].data.allSatisfy { $0 == 0 })
        let kaiming = try ModelRegistry.make(id: "logreg", params: Params(["init": .string("kaiming")]), data: big)
        let k = kaiming.initialParameters(seed: 0, as: Double.self)[0].data
        let std = (k.reduce(0) { $0 + $1 * $1 } / Double(k.count)).squareRoot()
        #expect(abs(std - (2.0 / 400).squareRoot()) < 0.003)
    }
}
