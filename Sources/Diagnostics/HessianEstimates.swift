/// Curvature estimates of a loss at one training step, measured on a fixed
/// diagnostic batch by `HessianEstimator`.
public struct HessianEstimates: Sendable, Equatable {
    /// The largest algebraic eigenvalues (most positive first) found by Lanczos;
    /// min(topK, dimension) of them.
    public var topEigenvalues: [Double]
    /// Hutchinson's estimate of tr(H).
    public var trace: Double
    /// Standard error of `trace`: sample standard deviation of the probes' z^T H z
    /// over sqrt(probes); infinite with a single probe.
    public var traceStandardError: Double
    /// Stochastic Lanczos quadrature of the spectral density, when requested.
    public var density: SpectralDensity?
    /// Hessian-vector products spent on these estimates (the diagnostic's own cost).
    public var hessianVectorProducts: Int

    /// Collects computed estimates.
    public init(topEigenvalues: [Double], trace: Double, traceStandardError: Double,
                density: SpectralDensity?, hessianVectorProducts: Int) {
        self.topEigenvalues = topEigenvalues
        self.trace = trace
        self.traceStandardError = traceStandardError
        self.density = density
        self.hessianVectorProducts = hessianVectorProducts
    }

    /// The estimates under their run-file curve names: `hessian_top_eig_1`, ...,
    /// `hessian_top_eig_k` (1 = largest), `hessian_trace`, `hessian_trace_stderr`.
    public var curveValues: [String: Double] {
        var out = ["hessian_trace": trace, "hessian_trace_stderr": traceStandardError]
        for (i, value) in topEigenvalues.enumerated() { out["hessian_top_eig_\(i + 1)"] = value }
        return out
    }
}
