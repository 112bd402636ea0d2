import Engine

/// The moment estimates and update shared by `Adam` and `AdamW` (Kingma and Ba,
/// 2015, Algorithm 1, in the form of `torch.optim.Adam`).
///
/// At 1-based step t: m_t = β1 m_{t-1} + (1 - β1) g_t, v_t = β2 v_{t-1} + (1 - β2) g_t²,
/// x ← x - (η_t / (1 - β1^t)) m_t / (√v_t / √(1 - β2^t) + ε). Bias corrections are
/// computed in Double (as torch does in Python floats); ε is added after the
/// bias-corrected root.
struct AdamKernel<S: Scalar> {
    let beta1: Double
    let beta2: Double
    let eps: Double
    private(set) var m: [S]
    private(set) var v: [S]
    private(set) var t = 0

    init(dimension: Int, beta1: Double, beta2: Double, eps: Double) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.m = [S](repeating: 0, count: dimension)
        self.v = [S](repeating: 0, count: dimension)
    }

    /// Applies one Adam update with learning rate `eta` (already scheduled) and, when
    /// `decay` is not 1, multiplies x by `decay` first (AdamW's decoupled decay).
    mutating func apply(_ x: inout [S], _ g: [S], eta: Double, decay: S) {
        t += 1
        let bc1 = 1 - LearningRateSchedule.power(beta1, t)
        let bc2 = 1 - LearningRateSchedule.power(beta2, t)
        Self.update(&x, g, &m, &v, b1: S(beta1), b2: S(beta2), stepSize: S(eta / bc1),
                    bc2Root: S(bc2.squareRoot()), eps: S(eps), decay: decay)
    }

    @_specialize(where S == Float) @_specialize(where S == Double)
    static func update(_ x: inout [S], _ g: [S], _ m: inout [S], _ v: inout [S], b1: S, b2: S, stepSize: S,
                       bc2Root: S, eps: S, decay: S) {
        let c1 = 1 - b1, c2 = 1 - b2
        let decays = decay != 1
        x.withUnsafeMutableBufferPointer { xp in
            m.withUnsafeMutableBufferPointer { mp in
                v.withUnsafeMutableBufferPointer { vp in
                    g.withUnsafeBufferPointer { gp in
                        for i in 0..<xp.count {
                            let gi = gp[i]
                            let mi = b1 * mp[i] + c1 * gi
                            let vi = b2 * vp[i] + c2 * (gi * gi)
                            mp[i] = mi
                            vp[i] = vi
                            let xi = decays ? xp[i] * decay : xp[i]
                            xp[i] = xi - stepSize * (mi / (vi.squareRoot() / bc2Root + eps))
                        }
                    }
                }
            }
        }
    }
}
