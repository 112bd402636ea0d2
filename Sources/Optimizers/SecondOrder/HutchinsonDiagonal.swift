import Engine

/// Hutchinson's estimator of the Hessian diagonal (Bekas, Kokiopoulou and Saad 2007):
/// diag(H) ≈ (1/S) Σ_s z_s ⊙ H z_s with z_s Rademacher (entries ±1 with probability
/// ½), unbiased since E[z z'] = I. When H is diagonal one sample is exact:
/// z ⊙ Hz = z ⊙ (diag(H) ⊙ z) = diag(H) because z_i² = 1.
///
/// The vectors come from the engine's Philox stream keyed by
/// `(seed, purpose, index: iteration)`, one bit per entry (32 entries per draw, low
/// bit first), so a run's probes depend only on its seed and step.
enum HutchinsonDiagonal {
    /// A Rademacher vector of length n from the next draws of `stream` (entry i is −1 when its bit is set).
    static func rademacher<S: Scalar>(_ n: Int, stream: inout RandomStream) -> [S] {
        var z = [S](repeating: 1, count: n)
        var bits: UInt32 = 0
        for i in 0..<n {
            if i % 32 == 0 { bits = stream.nextUInt32() }
            if bits & 1 == 1 { z[i] = -1 }
            bits >>= 1
        }
        return z
    }

    /// (1/samples) Σ z ⊙ ∇²f(x) z on the oracle's current batch; `samples` products.
    static func estimate<S: Scalar>(oracle: Oracle<S>, at x: [S], samples: Int, seed: Int, purpose: String,
                                    iteration: Int) -> [S] {
        precondition(samples >= 1, "Hutchinson: at least one sample")
        var stream = RandomStream(seed: UInt64(truncatingIfNeeded: seed), purpose: purpose, index: UInt64(iteration))
        var d = [S](repeating: 0, count: x.count)
        for _ in 0..<samples {
            let z: [S] = rademacher(x.count, stream: &stream)
            let hz = oracle.hessianVectorProduct(x, z)
            for i in 0..<d.count { d[i] += z[i] * hz[i] }
        }
        if samples > 1 { VectorMath.scale(&d, by: 1 / S(samples)) }
        return d
    }
}
