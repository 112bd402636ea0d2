import Engine

/// Float64 central-difference checks of gradients and Hessian-vector products of a
/// scalar function of several tensors.
enum NumericCheck {
    typealias F = ([Variable<Double>]) -> Variable<Double>

    /// Gradient from the tape.
    static func gradient(_ inputs: [Tensor<Double>], _ f: F) -> [Tensor<Double>] {
        let tape = Tape<Double>()
        let vars = inputs.map { tape.parameter($0) }
        return tape.gradients(of: f(vars), withRespectTo: vars).map(\.value)
    }

    static func value(_ inputs: [Tensor<Double>], _ f: F) -> Double {
        let tape = Tape<Double>()
        return f(inputs.map { tape.parameter($0) }).value.scalarValue
    }

    /// Largest |analytic - numeric| / max(1, |analytic|, |numeric|) over all
    /// gradient components, numeric by central differences with step 1e-6.
    static func maxGradientError(_ inputs: [Tensor<Double>], _ f: F) -> Double {
        let g = gradient(inputs, f)
        let h = 1e-6
        var worst = 0.0
        for k in inputs.indices {
            for i in 0..<inputs[k].count {
                var plus = inputs, minus = inputs
                plus[k].data[i] += h
                minus[k].data[i] -= h
                let numeric = (value(plus, f) - value(minus, f)) / (2 * h)
                worst = max(worst, abs(g[k].data[i] - numeric) / max(1, abs(g[k].data[i]), abs(numeric)))
            }
        }
        return worst
    }

    /// Exact H v from the tape, and the same by central differences of gradients
    /// along v (step 1e-5), with their largest relative difference.
    static func maxHVPError(_ inputs: [Tensor<Double>], direction v: [Tensor<Double>], _ f: F) -> Double {
        let tape = Tape<Double>()
        let vars = inputs.map { tape.parameter($0) }
        let hv = tape.hessianVectorProduct(of: f(vars), withRespectTo: vars, vector: v).hv
        let h = 1e-5
        func moved(_ t: Double) -> [Tensor<Double>] {
            zip(inputs, v).map { x, d in Tensor(shape: x.shape, data: zip(x.data, d.data).map { $0 + t * $1 }) }
        }
        let gp = gradient(moved(h), f), gm = gradient(moved(-h), f)
        var worst = 0.0
        for k in inputs.indices {
            for i in 0..<inputs[k].count {
                let numeric = (gp[k].data[i] - gm[k].data[i]) / (2 * h)
                worst = max(worst, abs(hv[k].data[i] - numeric) / max(1, abs(hv[k].data[i]), abs(numeric)))
            }
        }
        return worst
    }

    /// Exact H v from the tape.
    static func hvp(_ inputs: [Tensor<Double>], direction v: [Tensor<Double>], _ f: F) -> [Tensor<Double>] {
        let tape = Tape<Double>()
        let vars = inputs.map { tape.parameter($0) }
        return tape.hessianVectorProduct(of: f(vars), withRespectTo: vars, vector: v).hv
    }

    /// A fixed direction with the shapes of `inputs`.
    static func direction(like inputs: [Tensor<Double>], seed: UInt64 = 7) -> [Tensor<Double>] {
        var r = RandomStream(seed: seed, purpose: "direction")
        return inputs.map { t in Tensor(shape: t.shape, data: (0..<t.count).map { _ in r.uniform(-1, 1) }) }
    }
}
