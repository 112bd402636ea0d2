import Engine

/// How a forward pass runs: training or evaluation mode, the regularizer-driven
/// model transforms, and where dropout masks come from.
///
/// Dropout masks are drawn from `RandomStream(seed: seed, purpose: "dropout/<slot>",
/// index: step)`, so a mask depends only on the seed, the slot's name and the step:
/// the two gradient evaluations of a quasi-Newton curvature pair at one step see the
/// same mask, and a resumed run sees the same masks.
public struct ForwardContext: Sendable {
    public enum Mode: Sendable { case train, eval }
    public enum Normalization: String, Sendable { case none, batchnorm, layernorm }

    public var mode: Mode
    public var seed: UInt64
    public var step: Int
    /// Dropout probability applied after hidden activations in models with dropout slots (0 = off).
    public var dropout: Double
    /// Normalization inserted in the models' normalization slots.
    public var normalization: Normalization
    /// BatchNorm running-average momentum (torch convention: new = (1-m) old + m batch).
    public var batchNormMomentum: Double
    /// Epsilon of BatchNorm / LayerNorm.
    public var normEpsilon: Double

    public init(mode: Mode = .train, seed: UInt64 = 0, step: Int = 0, dropout: Double = 0,
                normalization: Normalization = .none, batchNormMomentum: Double = 0.1, normEpsilon: Double = 1e-5) {
        self.mode = mode; self.seed = seed; self.step = step; self.dropout = dropout
        self.normalization = normalization; self.batchNormMomentum = batchNormMomentum; self.normEpsilon = normEpsilon
    }
}
