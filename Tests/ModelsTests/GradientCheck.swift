import Testing
import Engine
@testable import Models

/// Central-difference checks of gradients and Hessian-vector products in float64.
enum GradientCheck {
    /// Deterministic test values in [low, high).
    static func tensor(_ shape: [Int], seed: UInt64, low: Double = -1, high: Double = 1) -> Tensor<Double> {
        var r = RandomStream(seed: seed, purpose: "models-test", index: 0)
        return Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in r.uniform(low, high) })
    }

    /// Largest relative error |a - n| / max(1, |a|, |n|) between the tape's gradient
    /// and central differences with step 1e-6.
    static func maxGradientError(_ inputs: [Tensor<Double>], _ f: ([Variable<Double>]) -> Variable<Double>) -> Double {
        let tape = Tape<Double>()
        let vars = inputs.map { tape.parameter($0) }
        let grads = tape.gradients(of: f(vars), withRespectTo: vars).map(\.value)
        var worst = 0.0
        let h = 1e-6
        for (which, input) in inputs.enumerated() {
            for i in 0..<input.count {
                func eval(_ delta: Double) -> Double {
                    var moved = inputs
                    moved[which].data[i] += delta
                    let t = Tape<Double>()
                    return f(moved.map { t.parameter($0) }).value.scalarValue
                }
                let numeric = (eval(h) - eval(-h)) / (2 * h)
                let analytic = grads[which].data[i]
                worst = max(worst, abs(analytic - numeric) / max(1, abs(analytic), abs(numeric)))
            }
        }
        return worst
    }

    /// Largest relative error between the exact Hessian-vector product and central
    /// differences of gradients along a fixed random direction (step 1e-5).
    static func maxHVPError(_ inputs: [Tensor<Double>], seed: UInt64 = 99,
                            _ f: ([Variable<Double>]) -> Variable<Double>) -> Double {
        let v = inputs.enumerated().map { tensor($0.element.shape, seed: seed + UInt64($0.offset)) }
        let tape = Tape<Double>()
        let vars = inputs.map { tape.parameter($0) }
        let hv = tape.hessianVectorProduct(of: f(vars), withRespectTo: vars, vector: v).hv
        let h = 1e-5
        func grad(_ t: Double) -> [Tensor<Double>] {
            let tp = Tape<Double>()
            let moved = zip(inputs, v).map { x, d in Tensor(shape: x.shape, data: zip(x.data, d.data).map { $0 + t * $1 }) }
            let vs = moved.map { tp.parameter($0) }
            return tp.gradients(of: f(vs), withRespectTo: vs).map(\.value)
        }
        let gp = grad(h), gm = grad(-h)
        var worst = 0.0
        for k in 0..<inputs.count {
            for i in 0..<inputs[k].count {
                let numeric = (gp[k].data[i] - gm[k].data[i]) / (2 * h)
                let exact = hv[k].data[i]
                worst = max(worst, abs(exact - numeric) / max(1, abs(exact), abs(numeric)))
            }
        }
        return worst
    }

    /// Random parameter values of the model's shapes (uniform in [-0.5, 0.5)), so
    /// checks do not depend on the initializers.
    static func parameters(of model: any Model, seed: UInt64) -> [Tensor<Double>] {
        model.parameterSpecs.enumerated().map { tensor($0.element.shape, seed: seed &+ UInt64($0.offset) &* 7919, low: -0.5, high: 0.5) }
    }

    /// A scalar loss of the model's output on `input`: cross-entropy for logits,
    /// a weighted sum for regression, the value itself for objectives.
    static func loss(_ model: any Model, _ parameters: [Variable<Double>], input: ModelInput<Double>,
                     labels: [Int], context: ForwardContext = ForwardContext()) -> Variable<Double> {
        var state = ModelState<Double>()
        let out = model.forward(parameters, input: input, context: context, state: &state)
        switch model.output {
        case .logits, .sequenceLogits: return out.softmaxCrossEntropy(labels: labels)
        case .regression: return (out * out).sum()
        case .objective: return out
        }
    }
}
