import Testing
import Engine
import Models
import Support
@testable import Regularizers

/// Gradient clipping and decoupled weight decay against hand-computed cases.
@Suite struct StepHookTests {
    let layout = ParameterLayout(Fixtures.specs)

    /// Weight, bias, gain, embedding: 6 + 3 + 2 + 4 = 15 values.
    var gradient: [Double] { [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4] }

    @Test func clipByNormScalesToMaxNorm() throws {
        // ||g|| = 5 > 1: torch scales by 1 / (5 + 1e-6).
        var g = gradient
        #expect(try Fixtures.make("grad_clip", ["max_norm": .double(1)]).transformGradient(&g, layout: layout))
        #expect(g[0] == 3 / (5 + 1e-6))
        #expect(g[14] == 4 / (5 + 1e-6))
        #expect(g[1..<14].allSatisfy { $0 == 0 })
        let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-6)
    }

    @Test func clipByNormLeavesSmallGradients() throws {
        var g = gradient
        #expect(try !Fixtures.make("grad_clip", ["max_norm": .double(5.5)]).transformGradient(&g, layout: layout))
        #expect(g == gradient)
    }

    @Test func clipByNormInFloat32() throws {
        // ||(0.3, 0.4, 1.2)|| = 1.3; scaled by 0.65 / (1.3 + 1e-6) in float32.
        let small = ParameterLayout([ParameterSpec(name: "w", shape: [3], role: .weight, initializer: .zeros)])
        var g: [Float] = [0.3, 0.4, 1.2]
        try Fixtures.make("grad_clip", ["max_norm": .double(0.65)]).transformGradient(&g, layout: small)
        let expected: [Float] = [0.15, 0.2, 0.6]
        for i in 0..<3 { #expect(abs(g[i] - expected[i]) < 1e-6) }
    }

    @Test func clipByValueClampsEachComponent() throws {
        var g: [Double] = [-2.5, 0.3, 1.0, 7, -1, 0.99, -0.4, 3, 0, 0, 0, 0, 0, 0, -0.01]
        #expect(try Fixtures.make("grad_clip", ["max_value": .double(1)]).transformGradient(&g, layout: layout))
        #expect(g == [-1, 0.3, 1.0, 1, -1, 0.99, -0.4, 1, 0, 0, 0, 0, 0, 0, -0.01])
        var inside: [Double] = [0.5, -1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        #expect(try !Fixtures.make("grad_clip", ["max_value": .double(1)]).transformGradient(&inside, layout: layout))
    }

    /// x <- x * (1 - lr * lambda) on weights and embeddings only: lr 0.1, lambda 0.5 -> 0.95.
    @Test func weightDecayShrinksWeightsAfterTheStep() throws {
        let x0: [Double] = Fixtures.values.flatMap { $0 }
        var x = x0
        try Fixtures.make("weight_decay", ["lambda": .double(0.5)]).afterStep(&x, learningRate: 0.1, layout: layout)
        for i in 0..<6 { #expect(x[i] == x0[i] * 0.95) }
        #expect(Array(x[6..<11]) == Array(x0[6..<11]))
        for i in 11..<15 { #expect(x[i] == x0[i] * 0.95) }
    }

    @Test func weightDecayWithBiasesTouchesEverything() throws {
        let x0: [Double] = Fixtures.values.flatMap { $0 }
        var x = x0
        try Fixtures.make("weight_decay", ["lambda": .double(0.5), "include_bias": .bool(true)])
            .afterStep(&x, learningRate: 0.1, layout: layout)
        for i in 0..<15 { #expect(x[i] == x0[i] * 0.95) }
    }

    /// Plain SGD with decoupled decay for two steps on f = 1/2 (w - 3)^2 from w = 1,
    /// lr 0.1, lambda 0.5: w1 = (1 - 0.1 * (1 - 3)) * 0.95 = 1.14,
    /// w2 = (1.14 - 0.1 * (1.14 - 3)) * 0.95 = 1.2597.
    @Test func weightDecayAlongAnSGDTrajectory() throws {
        let one = ParameterLayout([ParameterSpec(name: "w", shape: [1], role: .weight, initializer: .zeros)])
        let stack = try RegularizerStack([Fixtures.make("weight_decay", ["lambda": .double(0.5)])])
        var w: [Double] = [1]
        var trajectory: [Double] = []
        for _ in 0..<2 {
            var g = [w[0] - 3]
            stack.transformGradient(&g, layout: one)
            w[0] -= 0.1 * g[0]
            stack.afterStep(&w, learningRate: 0.1, layout: one)
            trajectory.append(w[0])
        }
        #expect(abs(trajectory[0] - 1.14) < 1e-14)
        #expect(abs(trajectory[1] - 1.2597) < 1e-14)
    }

    @Test func weightDecayHasNoPenaltyOrGradientEffect() throws {
        let r = try Fixtures.make("weight_decay", ["lambda": .double(0.5)])
        var g = gradient
        r.transformGradient(&g, layout: layout)
        #expect(g == gradient)
        let tape = Tape<Double>()
        #expect(r.penalty(Fixtures.tensors.map { tape.parameter($0) }, specs: Fixtures.specs) == nil)
    }
}
