import Testing
import TestSupport
import Engine
@testable import Models

/// Float64 gradient checks (relative error < 1e-6 against central differences) of
/// every layer on tiny sizes, with respect to its parameters and its input, and
/// Hessian-vector checks of the recurrent and attention layers.
@Suite struct LayerGradientTests {
    typealias V = Variable<Double>
    static let tol = 1e-6, hvTol = 1e-5

    /// Checks `body(input, cursor)` summed against fixed weights, over the layer's
    /// parameters and (when given) its input.
    func check(_ specs: [ParameterSpec], input: Tensor<Double>?, hvp: Bool = false,
               _ body: @escaping (V?, inout ParameterCursor<Double>) -> V) {
        var inputs = specs.enumerated().map { GradientCheck.tensor($0.element.shape, seed: 10 + UInt64($0.offset), low: -0.6, high: 0.6) }
        if let input { inputs.append(input) }
        let f: ([V]) -> V = { vars in
            var cursor = ParameterCursor(Array(vars.prefix(specs.count)))
            let out = body(input == nil ? nil : vars.last!, &cursor)
            #expect(cursor.isExhausted)
            let weights = GradientCheck.tensor(out.shape, seed: 777)
            return (out * out.tape.constant(weights)).sum() + (out * out).sum() * 0.1
        }
        #expect(GradientCheck.maxGradientError(inputs, f) < Self.tol)
        if hvp { #expect(GradientCheck.maxHVPError(inputs, f) < Self.hvTol) }
    }

    @Test func linear() {
        let layer = Linear(name: "fc", inputs: 3, outputs: 2, scheme: .torch)
        check(layer.specs, input: GradientCheck.tensor([4, 3], seed: 1)) { x, p in layer(x!, &p) }
    }

    @Test func embeddingWithPadding() {
        let layer = Embedding(name: "emb", vocabulary: 5, dim: 3, scheme: .torch)
        check(layer.specs, input: nil) { _, p in
            layer(ids: [1, 4, 0, 2, 2, 3], batch: 2, steps: 3, lengths: [2, 3], timeMajor: true, &p)
        }
    }

    @Test(arguments: Recurrent.Cell.allCases)
    func recurrentTwoStepsTwoLayersBidirectional(cell: Recurrent.Cell) {
        let layer = Recurrent(name: "rnn", cell: cell, inputs: 2, hidden: 2, layers: 2, bidirectional: true, scheme: .torch)
        // Batch of 2, 3 steps, second sequence only 2 steps long: exercises the masks.
        check(layer.specs, input: GradientCheck.tensor([6, 2], seed: 2), hvp: true) { x, p in
            let r = layer(x!, steps: 3, batch: 2, lengths: [3, 2], wantSequence: true, context: ForwardContext(), &p)
            return V.concat([r.sequence!.reshaped([24]), r.final.reshaped([8])], axis: 0)
        }
    }

    @Test func lstmOverTwoSteps() {
        let layer = Recurrent(name: "lstm", cell: .lstm, inputs: 3, hidden: 2, scheme: .xavier)
        check(layer.specs, input: GradientCheck.tensor([2, 3], seed: 3), hvp: true) { x, p in
            layer(x!, steps: 2, batch: 1, lengths: [2], wantSequence: false, context: ForwardContext(), &p).final
        }
    }

    @Test func convolutionWithMaxPooling() {
        let layer = Conv1DMaxPool(name: "conv", inputs: 2, filters: 3, width: 2, scheme: .torch)
        check(layer.specs, input: GradientCheck.tensor([8, 2], seed: 4)) { x, p in
            layer(x!, batch: 2, steps: 4, lengths: [4, 3], &p)
        }
    }

    @Test func maskedSelfAttention() {
        let layer = MultiHeadAttention(name: "attn", dim: 4, heads: 2, scheme: .torch)
        check(layer.specs, input: GradientCheck.tensor([6, 4], seed: 5), hvp: true) { x, p in
            layer(x!, batch: 2, steps: 3, lengths: [3, 2], causal: false, &p)
        }
    }

    @Test func causalSelfAttention() {
        let layer = MultiHeadAttention(name: "attn", dim: 4, heads: 1, scheme: .xavier)
        check(layer.specs, input: GradientCheck.tensor([3, 4], seed: 6)) { x, p in
            layer(x!, batch: 1, steps: 3, lengths: [3], causal: true, &p)
        }
    }

    @Test func transformerBlockWidthFour() {
        let layer = TransformerBlock(name: "encoder.0", dim: 4, heads: 2, feedForward: 6, scheme: .torch)
        check(layer.specs, input: GradientCheck.tensor([6, 4], seed: 7), hvp: true) { x, p in
            layer(x!, batch: 2, steps: 3, lengths: [3, 1], causal: false, context: ForwardContext(), &p)
        }
    }

    @Test func layerNorm() {
        let layer = LayerNorm(name: "ln", features: 4)
        check(layer.specs, input: GradientCheck.tensor([3, 4], seed: 8), hvp: true) { x, p in layer(x!, epsilon: 1e-5, &p) }
    }

    @Test func batchNormTrainingMode() {
        let layer = BatchNorm(name: "bn", features: 3)
        check(layer.specs, input: GradientCheck.tensor([5, 3], seed: 9), hvp: true) { x, p in
            var state = ModelState<Double>()
            return layer(x!, context: ForwardContext(mode: .train), state: &state, &p)
        }
    }

    @Test func batchNormEvalMode() {
        let layer = BatchNorm(name: "bn", features: 3)
        check(layer.specs, input: GradientCheck.tensor([5, 3], seed: 9)) { x, p in
            var state = ModelState<Double>(buffers: ["bn.running_mean": Tensor(shape: [3], data: [0.1, -0.2, 0.3]),
                                                     "bn.running_var": Tensor(shape: [3], data: [0.5, 2, 1.5])])
            return layer(x!, context: ForwardContext(mode: .eval), state: &state, &p)
        }
    }

    @Test func dropoutWithFixedMask() {
        check([], input: GradientCheck.tensor([4, 5], seed: 11)) { x, _ in
            Dropout(slot: "d")(x!, context: ForwardContext(mode: .train, seed: 3, step: 1, dropout: 0.3))
        }
    }

    @Test func positionalEncodingPassesGradient() {
        let pe = PositionalEncoding(dim: 4, maxLength: 8)
        check([], input: GradientCheck.tensor([6, 4], seed: 12)) { x, _ in pe(x!, batch: 2, steps: 3) }
    }

    /// The single-pass softmax primitive matches the engine's composed softmax and
    /// differentiates twice.
    @Test func softmaxPrimitive() {
        let x = GradientCheck.tensor([3, 5], seed: 15, low: -3, high: 3)
        let tape = Tape<Double>()
        let fused = tape.constant(x).softmaxLastAxis().value.data, composed = tape.constant(x).softmax().value.data
        for i in 0..<x.count { #expect(abs(fused[i] - composed[i]) < 1e-15) }
        let f: ([V]) -> V = { v in (v[0].softmaxLastAxis() * v[0] * v[0]).sum() }
        #expect(GradientCheck.maxGradientError([x], f) < Self.tol)
        #expect(GradientCheck.maxHVPError([x], f) < Self.hvTol)
    }

    /// The custom angle primitive (atan2) and its rule, differentiated twice.
    @Test func angleOperation() {
        let inputs = [GradientCheck.tensor([5], seed: 13, low: 0.2, high: 1), GradientCheck.tensor([5], seed: 14)]
        let f: ([V]) -> V = { v in (v[0].angle(y: v[1]) * v[0]).sum() }
        #expect(GradientCheck.maxGradientError(inputs, f) < Self.tol)
        #expect(GradientCheck.maxHVPError(inputs, f) < Self.hvTol)
        let negative = [Tensor<Double>(shape: [3], data: [-1, -0.5, -2]), Tensor<Double>(shape: [3], data: [0.3, -0.4, 1])]
        #expect(GradientCheck.maxGradientError(negative, f) < Self.tol)
    }
}
