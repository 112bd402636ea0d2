import Engine

/// Central-difference checks of gradients and Hessian-vector products in
/// float64, shared by the engine's and the models' tests.
public enum GradientCheck {
    /// Deterministic test values in [low, high), drawn from the stream `purpose`
    /// of `seed` (tests that pinned their inputs keep their own purpose).
    public static func tensor(_ shape: [Int], seed: UInt64, low: Double = -1, high: Double = 1,
                              purpose: String = "gradcheck") -> Tensor<Double> {
        var r = RandomStream(seed: seed, purpose: purpose)
        return Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in r.uniform(low, high) })
    }

    /// Largest relative error |a - n| / max(1, |a|, |n|) between the tape's
    /// gradient and central differences with step 1e-6.
    public static func maxGradientError(_ inputs: [Tensor<Double>],
                                        _ f: ([Variable<Double>]) -> Variable<Double>) -> Double {
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
    /// differences of gradients (step 1e-5) along a fixed random direction drawn
    /// from `seed` and `purpose`.
    public static func maxHVPError(_ inputs: [Tensor<Double>], seed: UInt64 = 99, purpose: String = "gradcheck",
                                   _ f: ([Variable<Double>]) -> Variable<Double>) -> Double {
        let v = inputs.enumerated().map { tensor($0.element.shape, seed: seed + UInt64($0.offset), purpose: purpose) }
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
}
