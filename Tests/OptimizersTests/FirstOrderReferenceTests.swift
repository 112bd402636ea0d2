import Testing
import Support
@testable import Optimizers

/// Each first-order optimizer's trajectory equals the straightforward reference
/// implementation of its published formula (`ReferenceFirstOrder`) to 1e-12 in float64.
@Suite struct FirstOrderReferenceTests {
    /// f(x) = Σ (x_i - c_i)² + 0.1 Σ (x_i - c_i)⁴ + 0.5 x_0 x_1: smooth, not quadratic.
    static let centre = [0.5, -1.0, 2.0]
    static func gradient(_ x: [Double]) -> [Double] {
        var g = x.indices.map { i in
            let d = x[i] - centre[i]
            return 2 * d + 0.4 * d * d * d
        }
        g[0] += 0.5 * x[1]
        g[1] += 0.5 * x[0]
        return g
    }
    static func value(_ x: [Double]) -> Double {
        var f = 0.5 * x[0] * x[1]
        for i in x.indices {
            let d = x[i] - centre[i]
            f += d * d + 0.1 * d * d * d * d
        }
        return f
    }
    static let start = [2.0, 1.0, -1.0]
    static let steps = 60

    func oracle() -> Oracle<Double> {
        Oracle(dimension: 3, value: Self.value, valueAndGradient: { (Self.value($0), Self.gradient($0)) },
               hessianVectorProduct: nil)
    }

    func trajectory(_ id: String, _ params: [String: ParamValue]) throws -> [[Double]] {
        let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: params, dimension: 3)
        let o = oracle()
        var x = Self.start, out: [[Double]] = []
        for t in 0..<Self.steps {
            _ = try optimizer.step(&x, oracle: o, iteration: t)
            out.append(x)
        }
        #expect(o.gradientEvaluations == Self.steps)
        return out
    }

    func expectClose(_ a: [[Double]], _ b: [[Double]], _ label: String) {
        #expect(a.count == b.count)
        let worst = zip(a, b).map { maxDifference($0, $1) }.max() ?? .infinity
        #expect(worst <= 1e-12, "\(label): max deviation \(worst)")
        // The trajectory must actually go somewhere.
        #expect(maxDifference(a.last!, Self.start) > 0.1, "\(label) barely moved")
    }

    @Test(arguments: [
        (0.0, 0.0, false), (0.9, 0.0, false), (0.9, 0.1, false), (0.9, 0.0, true), (0.5, 0.0, true),
    ])
    func sgd(momentum: Double, dampening: Double, nesterov: Bool) throws {
        let got = try trajectory("sgd", ["lr": .double(0.02), "momentum": .double(momentum),
                                         "dampening": .double(dampening), "nesterov": .bool(nesterov)])
        let want = ReferenceFirstOrder.sgd(Self.start, Self.gradient, steps: Self.steps, lr: { _ in 0.02 },
                                           momentum: momentum, dampening: dampening, nesterov: nesterov)
        expectClose(got, want, "sgd(\(momentum), \(dampening), \(nesterov))")
    }

    @Test func sgdWithStepScheduleAndWarmup() throws {
        let got = try trajectory("sgd", ["lr": .double(0.05), "momentum": .double(0.8), "schedule": .string("step"),
                                         "warmup_steps": .int(5), "step_size": .int(20), "gamma": .double(0.5)])
        let want = ReferenceFirstOrder.sgd(Self.start, Self.gradient, steps: Self.steps,
                                           lr: { 0.05 * ReferenceFirstOrder.multiplier($0, kind: "step", warmup: 5, stepSize: 20, gamma: 0.5) },
                                           momentum: 0.8, dampening: 0, nesterov: false)
        expectClose(got, want, "sgd step schedule")
    }

    @Test(arguments: [(1e-10, 0.0), (1e-3, 0.1)])
    func adagrad(eps: Double, initial: Double) throws {
        let got = try trajectory("adagrad", ["lr": .double(0.3), "eps": .double(eps), "initial_accumulator": .double(initial)])
        let want = ReferenceFirstOrder.adagrad(Self.start, Self.gradient, steps: Self.steps, lr: { _ in 0.3 },
                                               eps: eps, initial: initial)
        expectClose(got, want, "adagrad")
    }

    @Test(arguments: [(0.0, false), (0.0, true), (0.5, false), (0.5, true)])
    func rmsprop(momentum: Double, centered: Bool) throws {
        let got = try trajectory("rmsprop", ["lr": .double(0.01), "alpha": .double(0.9), "eps": .double(1e-6),
                                             "momentum": .double(momentum), "centered": .bool(centered)])
        let want = ReferenceFirstOrder.rmsprop(Self.start, Self.gradient, steps: Self.steps, lr: { _ in 0.01 }, alpha: 0.9,
                                               eps: 1e-6, momentum: momentum, centered: centered)
        expectClose(got, want, "rmsprop(\(momentum), \(centered))")
    }

    @Test func adam() throws {
        let got = try trajectory("adam", ["lr": .double(0.05)])
        let want = ReferenceFirstOrder.adam(Self.start, Self.gradient, steps: Self.steps, lr: { _ in 0.05 },
                                            beta1: 0.9, beta2: 0.999, eps: 1e-8)
        expectClose(got, want, "adam")
    }

    @Test func adamWithCosineScheduleAndWarmup() throws {
        let got = try trajectory("adam", ["lr": .double(0.1), "beta1": .double(0.8), "beta2": .double(0.99),
                                          "eps": .double(1e-6), "schedule": .string("cosine"), "warmup_steps": .int(10),
                                          "total_steps": .int(50)])
        let want = ReferenceFirstOrder.adam(Self.start, Self.gradient, steps: Self.steps,
                                            lr: { 0.1 * ReferenceFirstOrder.multiplier($0, kind: "cosine", warmup: 10, total: 50) },
                                            beta1: 0.8, beta2: 0.99, eps: 1e-6)
        expectClose(got, want, "adam cosine")
    }

    @Test(arguments: [0.0, 0.01, 0.5])
    func adamw(weightDecay: Double) throws {
        let got = try trajectory("adamw", ["lr": .double(0.05), "weight_decay": .double(weightDecay)])
        let want = ReferenceFirstOrder.adam(Self.start, Self.gradient, steps: Self.steps, lr: { _ in 0.05 },
                                            beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: weightDecay)
        expectClose(got, want, "adamw(\(weightDecay))")
    }

    /// AdamW with weight_decay = 0 is Adam, bit for bit.
    @Test func adamwWithoutDecayIsAdam() throws {
        #expect(try trajectory("adamw", ["weight_decay": .double(0)]) == trajectory("adam", [:]))
    }

    /// The trajectory of the first step of Adam is lr · sign(g) (bias correction
    /// makes m̂ = g and v̂ = g² at t = 1; Kingma and Ba §3), up to ε.
    @Test func adamFirstStepIsSignedLearningRate() throws {
        let got = try trajectory("adam", ["lr": .double(0.01), "eps": .double(0)])[0]
        let g = Self.gradient(Self.start)
        for i in 0..<3 { #expect(abs(got[i] - (Self.start[i] - 0.01 * (g[i] > 0 ? 1 : -1))) <= 1e-15) }
    }
}
