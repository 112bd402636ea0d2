import Support
/// Settings of the Hessian diagnostics (`train.diagnostics.hessian`): top
/// eigenvalues by Lanczos iteration (full reorthogonalization) on Hessian-vector products, the trace by
/// Hutchinson's estimator, and optionally a spectral density estimate
/// (stochastic Lanczos quadrature, Ghorbani et al. 2019).
public struct HessianDiagnostics: Sendable, Hashable {
    /// Steps between measurements.
    public let every: Int
    /// Examples of the fixed measurement batch.
    public let batch: Int
    /// Number of top eigenvalues.
    public let topK: Int
    /// Random probe vectors for the trace estimate.
    public let traceSamples: Int
    /// Whether to estimate the spectral density too.
    public let density: Bool

    /// Settings with the documented defaults.
    public init(every: Int = 100, batch: Int = 256, topK: Int = 2, traceSamples: Int = 20, density: Bool = false) {
        self.every = every
        self.batch = batch
        self.topK = topK
        self.traceSamples = traceSamples
        self.density = density
    }

    /// The keys, types and defaults a grid may give.
    static let params: [ParamSpec] = [
        .int("every", 100, .atLeast(1), "steps between measurements"),
        .int("batch", 256, .atLeast(1), "examples in the measurement batch"),
        .int("top_k", 2, .atLeast(1), "top eigenvalues to estimate"),
        .int("trace_samples", 20, .atLeast(1), "Hutchinson probe vectors"),
        .bool("density", false, "also estimate the spectral density"),
    ]

    /// Builds the settings from resolved values keyed like `params`.
    init(_ values: [String: ParamValue]) {
        self.init(every: values["every"]!.intValue!, batch: values["batch"]!.intValue!,
                  topK: values["top_k"]!.intValue!, traceSamples: values["trace_samples"]!.intValue!,
                  density: values["density"]!.boolValue!)
    }

    var json: JSONValue {
        .object(["every": .int(every), "batch": .int(batch), "top_k": .int(topK),
                 "trace_samples": .int(traceSamples), "density": .bool(density)])
    }
}
