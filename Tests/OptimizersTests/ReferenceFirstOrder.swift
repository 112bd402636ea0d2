import Foundation

/// Straightforward implementations of the published first-order update rules, written
/// from the torch.optim documentation's pseudo-code and the papers, element by element
/// in Double, to check the optimized kernels against.
enum ReferenceFirstOrder {
    /// The learning-rate multiplier at 0-based step t: linear warm-up (t+1)/W, then
    /// constant, step (γ^⌊u/size⌋) or cosine (½(1 + cos(π u/T))) with u = t - W.
    static func multiplier(_ t: Int, kind: String, warmup: Int = 0, stepSize: Int = 100, gamma: Double = 0.1,
                           total: Int = 0) -> Double {
        if t < warmup { return Double(t + 1) / Double(warmup) }
        let u = Double(t - warmup)
        switch kind {
        case "step": return pow(gamma, (u / Double(stepSize)).rounded(.down))
        case "cosine":
            let horizon = Double(total - warmup)
            return 0.5 * (1 + cos(Double.pi * min(u, horizon) / horizon))
        default: return 1
        }
    }

    typealias Gradient = ([Double]) -> [Double]

    static func sgd(_ x0: [Double], _ grad: Gradient, steps: Int, lr: (Int) -> Double, momentum: Double,
                    dampening: Double, nesterov: Bool) -> [[Double]] {
        var x = x0, b = [Double](repeating: 0, count: x0.count), out: [[Double]] = []
        for t in 1...steps {
            var g = grad(x)
            if momentum != 0 {
                for i in 0..<x.count { b[i] = t > 1 ? momentum * b[i] + (1 - dampening) * g[i] : g[i] }
                for i in 0..<x.count { g[i] = nesterov ? g[i] + momentum * b[i] : b[i] }
            }
            for i in 0..<x.count { x[i] = x[i] - lr(t - 1) * g[i] }
            out.append(x)
        }
        return out
    }

    static func adagrad(_ x0: [Double], _ grad: Gradient, steps: Int, lr: (Int) -> Double, eps: Double,
                        initial: Double) -> [[Double]] {
        var x = x0, sum = [Double](repeating: initial, count: x0.count), out: [[Double]] = []
        for t in 1...steps {
            let g = grad(x)
            for i in 0..<x.count {
                sum[i] += g[i] * g[i]
                x[i] = x[i] - lr(t - 1) * g[i] / (sum[i].squareRoot() + eps)
            }
            out.append(x)
        }
        return out
    }

    static func rmsprop(_ x0: [Double], _ grad: Gradient, steps: Int, lr: (Int) -> Double, alpha: Double, eps: Double,
                        momentum: Double, centered: Bool) -> [[Double]] {
        let n = x0.count
        var x = x0, v = [Double](repeating: 0, count: n), gAvg = v, b = v, out: [[Double]] = []
        for t in 1...steps {
            let g = grad(x)
            for i in 0..<n {
                v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i]
                var vTilde = v[i]
                if centered {
                    gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g[i]
                    vTilde = vTilde - gAvg[i] * gAvg[i]
                }
                if momentum > 0 {
                    b[i] = momentum * b[i] + g[i] / (vTilde.squareRoot() + eps)
                    x[i] = x[i] - lr(t - 1) * b[i]
                } else {
                    x[i] = x[i] - lr(t - 1) * g[i] / (vTilde.squareRoot() + eps)
                }
            }
            out.append(x)
        }
        return out
    }

    /// Adam (Kingma and Ba 2015, Algorithm 1) and, with weightDecay > 0, AdamW
    /// (Loshchilov and Hutter 2019: x ← x - η λ x before the Adam step).
    static func adam(_ x0: [Double], _ grad: Gradient, steps: Int, lr: (Int) -> Double, beta1: Double, beta2: Double,
                     eps: Double, weightDecay: Double = 0) -> [[Double]] {
        let n = x0.count
        var x = x0, m = [Double](repeating: 0, count: n), v = m, out: [[Double]] = []
        for t in 1...steps {
            let g = grad(x)
            let eta = lr(t - 1)
            for i in 0..<n {
                x[i] = x[i] - eta * weightDecay * x[i]
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                let mHat = m[i] / (1 - pow(beta1, Double(t)))
                let vHat = v[i] / (1 - pow(beta2, Double(t)))
                x[i] = x[i] - eta * mHat / (vHat.squareRoot() + eps)
            }
            out.append(x)
        }
        return out
    }
}
