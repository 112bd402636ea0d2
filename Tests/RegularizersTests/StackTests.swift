import Testing
import Engine
import Models
import Support
@testable import Regularizers

/// Combinations: canonical order and names, rejected combinations, model checks,
/// and the order in which hooks apply.
@Suite struct StackTests {
    @Test func membersFollowCanonicalOrderWhateverTheGridOrder() throws {
        let a = try RegularizerStack(entries: [("grad_clip", Params(["max_norm": .double(1)])),
                                               ("dropout", Params(["p": .double(0.2)]))])
        let b = try RegularizerStack(entries: [("dropout", Params(["p": .double(0.2)])),
                                               ("grad_clip", Params(["max_norm": .double(1)]))])
        #expect(a.canonicalName == "dropout(p=0.2)+grad_clip(max_norm=1.0)")
        #expect(b.canonicalName == a.canonicalName)
        #expect(a.id == "dropout+grad_clip")
        #expect(a.memberIDs == ["dropout", "grad_clip"])
    }

    @Test func noneIsTheEmptyCombination() throws {
        let explicit = try RegularizerStack(entries: [("none", Params())])
        #expect(explicit.canonicalName == "none" && explicit.id == "none" && explicit.isEmpty)
        #expect(RegularizerStack.none.canonicalName == "none")
        #expect(try RegularizerStack([]).canonicalName == "none")
    }

    @Test func sameRegularizerTwiceIsRejected() {
        #expect(throws: RegularizerError.duplicate(regularizer: "l2")) {
            try RegularizerStack([Fixtures.make("l2"), Fixtures.make("l2", ["lambda": .double(1)])])
        }
    }

    @Test func batchnormWithLayernormIsRejected() {
        let error = #expect(throws: RegularizerError.self) {
            try RegularizerStack([Fixtures.make("batchnorm"), Fixtures.make("layernorm")])
        }
        #expect(error == .incompatible(regularizer: "layernorm", other: "batchnorm"))
    }

    @Test func noneWithAnythingElseIsRejected() {
        #expect(throws: RegularizerError.incompatible(regularizer: "none", other: "l1")) {
            try RegularizerStack([Fixtures.make("none"), Fixtures.make("l1")])
        }
    }

    @Test func entryErrorsPropagate() {
        let error = #expect(throws: RegularizerError.self) {
            try RegularizerStack(entries: [("dropout", Params(["rate": .double(0.2)]))])
        }
        #expect(error?.regularizer == "dropout" && error?.key == "rate")
    }

    @Test func normalizationNeedsASlot() throws {
        let stack = try RegularizerStack([Fixtures.make("batchnorm")])
        try stack.validate(model: Fixtures.classifier())
        let error = #expect(throws: RegularizerError.self) {
            try stack.validate(model: Fixtures.classifier(normalization: false))
        }
        guard case .unsupportedModel(let r, let m, _)? = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect(r == "batchnorm" && m == "shell_mlp")
        #expect(throws: RegularizerError.self) {
            try RegularizerStack([Fixtures.make("layernorm")]).validate(model: Fixtures.rosenbrock)
        }
    }

    @Test func dropoutNeedsHiddenActivations() throws {
        let stack = try RegularizerStack([Fixtures.make("dropout", ["p": .double(0.2)])])
        try stack.validate(model: Fixtures.classifier())
        let onTestFunction = #expect(throws: RegularizerError.self) { try stack.validate(model: Fixtures.rosenbrock) }
        #expect(onTestFunction?.regularizer == "dropout")
        #expect(onTestFunction?.description.contains("rosenbrock") == true)
        #expect(throws: RegularizerError.self) { try stack.validate(model: Fixtures.classifier(dropout: false)) }
    }

    @Test func labelSmoothingNeedsLogits() throws {
        let stack = try RegularizerStack([Fixtures.make("label_smoothing", ["eps": .double(0.05)])])
        try stack.validate(model: Fixtures.classifier())
        #expect(stack.labelSmoothing == 0.05)
        #expect(throws: RegularizerError.self) { try stack.validate(model: Fixtures.regression) }
        #expect(throws: RegularizerError.self) { try stack.validate(model: Fixtures.rosenbrock) }
        #expect(RegularizerStack.none.labelSmoothing == nil)
    }

    @Test func penaltiesApplyToTestFunctions() throws {
        try RegularizerStack([Fixtures.make("l2"), Fixtures.make("grad_clip", ["max_norm": .double(1)]),
                              Fixtures.make("early_stopping")]).validate(model: Fixtures.rosenbrock)
    }

    @Test func modelTransformsSetTheContext() throws {
        let stack = try RegularizerStack([Fixtures.make("batchnorm", ["momentum": .double(0.2), "eps": .double(1e-3)]),
                                          Fixtures.make("dropout", ["p": .double(0.3)])])
        var context = ForwardContext(seed: 4, step: 9)
        stack.configure(&context)
        #expect(context.dropout == 0.3)
        #expect(context.normalization == .batchnorm)
        #expect(context.batchNormMomentum == 0.2 && context.normEpsilon == 1e-3)
        #expect(context.seed == 4 && context.step == 9)
        #expect(stack.normalization == .batchnorm)
        #expect(try RegularizerStack([Fixtures.make("layernorm")]).normalization == .layernorm)
        #expect(RegularizerStack.none.normalization == .none)
    }

    @Test func onlyDropoutMakesTheObjectiveStochastic() throws {
        #expect(try RegularizerStack([Fixtures.make("dropout", ["p": .double(0.1)]), Fixtures.make("l2")]).isStochastic)
        #expect(try !RegularizerStack([Fixtures.make("dropout", ["p": .double(0)])]).isStochastic)
        for id in RegularizerRegistry.ids where id != "dropout" && id != "grad_clip" {
            #expect(try !Fixtures.make(id).isStochastic)
        }
        #expect(!RegularizerStack.none.isStochastic)
    }

    /// Penalties sum in listed order: l2 then rank1 (canonical order), i.e.
    /// 0.1 * 12.57 + (0.05 * 12.57 + 0.3 * 25.485) with the hand values of `PenaltyTests`.
    @Test func penaltiesSumAcrossMembers() throws {
        let stack = try RegularizerStack([Fixtures.make("rank1", ["lambda": .double(0.1), "mu": .double(0.6)]),
                                          Fixtures.make("l2", ["lambda": .double(0.2)])])
        let tape = Tape<Double>()
        let p = Fixtures.tensors.map { tape.parameter($0) }
        let value = try #require(stack.penalty(p, specs: Fixtures.specs)).value.scalarValue
        #expect(abs(value - (0.1 * 12.57 + 0.05 * 12.57 + 0.3 * 25.485)) < 1e-12)
    }

    /// One step of the documented order on f = 1/2 ||w||^2 over a single weight
    /// w = (3, 4): l2 (lambda 1) doubles the gradient to (6, 8); clipping to norm 1
    /// sees that penalized gradient -> (6, 8) / (10 + 1e-6); SGD with lr 0.5 steps;
    /// weight decay (lambda 0.2) then shrinks by 1 - 0.5 * 0.2 = 0.9.
    @Test func hooksApplyInTheDocumentedOrder() throws {
        let spec = [ParameterSpec(name: "w", shape: [2], role: .weight, initializer: .zeros)]
        let layout = ParameterLayout(spec)
        let stack = try RegularizerStack([Fixtures.make("weight_decay", ["lambda": .double(0.2)]),
                                          Fixtures.make("grad_clip", ["max_norm": .double(1)]),
                                          Fixtures.make("l2", ["lambda": .double(1)])])
        var w: [Double] = [3, 4]
        let tape = Tape<Double>()
        let v = tape.parameter(Tensor(shape: [2], data: w))
        let loss = (v * v).sum() * 0.5 + stack.penalty([v], specs: spec)!
        #expect(loss.value.scalarValue == 25)
        var g = tape.gradients(of: loss, withRespectTo: [v])[0].value.data
        #expect(g == [6, 8])
        stack.transformGradient(&g, layout: layout)
        let c = 1 / (10 + 1e-6)
        #expect(g == [6 * c, 8 * c])
        for i in 0..<2 { w[i] -= 0.5 * g[i] }
        stack.afterStep(&w, learningRate: 0.5, layout: layout)
        #expect(abs(w[0] - (3 - 3 * c) * 0.9) < 1e-15)
        #expect(abs(w[1] - (4 - 4 * c) * 0.9) < 1e-15)
    }
}
