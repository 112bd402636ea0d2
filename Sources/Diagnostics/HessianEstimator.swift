import Engine

/// Estimates curvature of a loss from exact Hessian-vector products: the top
/// eigenvalues (Lanczos), the trace (Hutchinson) and optionally the spectral
/// density (stochastic Lanczos quadrature).
///
/// - Top eigenvalues: the Lanczos process with full reorthogonalization
///   (`LanczosProcess`) from a Gaussian start vector; the Ritz values (eigenvalues
///   of T_j, by `SymmetricTridiagonal`) approach the extreme eigenvalues from the
///   inside. "Top" means largest algebraic value, so a negative eigenvalue is
///   reported only when fewer than `topK` eigenvalues are larger. The iteration
///   stops after step j > topK once every one of the top `topK` Ritz values moved
///   by at most `tolerance * max_l |theta_l|` since step j - 1 (a change relative to
///   the estimated spectral norm, which stays meaningful for eigenvalues near
///   zero), or after min(maxIterations, dimension) steps. The remaining error can
///   exceed the last change when convergence is slow (about change / (1 - rate));
///   with the default tolerance, on the spectrum 1, 2, ..., 200 the third value is
///   within 1.3e-8 relative after 73 steps. When the Krylov space
///   becomes invariant it restarts with a fresh random vector orthogonal to the
///   basis. A single start vector sees one direction per eigenspace, so an
///   eigenvalue of multiplicity m > 1 is reported once unless the basis reaches
///   the whole space.
/// - Trace: Hutchinson's estimator tr(H) ~ (1/m) sum_s z_s^T H z_s over m
///   Rademacher vectors (Hutchinson 1990), unbiased with variance
///   2 sum_{i != j} H_ij^2 per probe; the standard error is the sample standard
///   deviation (divisor m - 1) over sqrt(m). Exact for diagonal H.
/// - Density: see `SpectralDensity`; `densityProbes` Rademacher probes z / sqrt(n),
///   each with min(densitySteps, dimension) Lanczos steps (fewer when the Krylov
///   space becomes invariant, in which case the quadrature is exact).
///
/// Random vectors come from `RandomStream(seed:purpose:index:)` with purposes
/// `diagnostics/lanczos`, `diagnostics/hutchinson` and `diagnostics/slq` and the
/// step as index, so the same seed and step give bit-identical estimates. All of
/// the estimator's arithmetic is in Double with sums in a fixed order; only the
/// Hessian-vector product itself runs in the caller's scalar type.
///
/// Memory: Lanczos keeps its basis, up to min(maxIterations, dimension) vectors of
/// `dimension` doubles (densitySteps vectors for the density).
public struct HessianEstimator: Sendable {
    /// Number of top eigenvalues to estimate (0: none).
    public let topK: Int
    /// Rademacher probes for the trace.
    public let traceSamples: Int
    /// Whether to estimate the spectral density.
    public let density: Bool
    /// Lanczos steps per density probe.
    public let densitySteps: Int
    /// Rademacher probes for the density.
    public let densityProbes: Int
    /// Seed of the run.
    public let seed: UInt64
    /// Upper bound on Lanczos steps for the top eigenvalues.
    public let maxIterations: Int
    /// Stopping tolerance on the change of the top Ritz values, relative to the
    /// largest Ritz value magnitude.
    public let tolerance: Double

    /// An estimator with the given settings; see the type's documentation.
    public init(topK: Int, traceSamples: Int, density: Bool, densitySteps: Int = 30, densityProbes: Int = 4,
                seed: UInt64, maxIterations: Int = 100, tolerance: Double = 1e-8) {
        precondition(topK >= 0, "topK must be >= 0")
        precondition(traceSamples >= 1, "traceSamples must be >= 1")
        precondition(densitySteps >= 1, "densitySteps must be >= 1")
        precondition(densityProbes >= 1, "densityProbes must be >= 1")
        precondition(maxIterations >= 1, "maxIterations must be >= 1")
        precondition(tolerance > 0, "tolerance must be positive")
        self.topK = topK
        self.traceSamples = traceSamples
        self.density = density
        self.densitySteps = densitySteps
        self.densityProbes = densityProbes
        self.seed = seed
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// Estimates at training step `step` for the Hessian H of a function of
    /// `dimension` parameters, given `hvp(v) = H v` on flat vectors. H must be
    /// symmetric, and `hvp` a pure function of v (fixed batch, frozen dropout).
    public func estimate<S: Scalar>(dimension: Int, step: Int, hvp: ([S]) -> [S]) -> HessianEstimates {
        precondition(dimension >= 1, "dimension must be >= 1")
        precondition(step >= 0, "step must be >= 0")
        var count = 0
        let (top, lanczosCount) = topEigenvalues(dimension: dimension, step: step, hvp: hvp)
        count += lanczosCount
        let (trace, traceError) = hutchinson(dimension: dimension, step: step, hvp: hvp)
        count += traceSamples
        var spectral: SpectralDensity? = nil
        if density {
            let (d, densityCount) = spectralDensity(dimension: dimension, step: step, hvp: hvp)
            spectral = d
            count += densityCount
        }
        return HessianEstimates(topEigenvalues: top, trace: trace, traceStandardError: traceError,
                                density: spectral, hessianVectorProducts: count)
    }

    /// The largest algebraic Ritz values, descending, and the products spent.
    func topEigenvalues<S: Scalar>(dimension: Int, step: Int, hvp: ([S]) -> [S]) -> ([Double], Int) {
        guard topK > 0 else { return ([], 0) }
        var stream = RandomStream(seed: seed, purpose: "diagnostics/lanczos", index: UInt64(step))
        var lanczos = LanczosProcess(start: VectorOps.gaussian(dimension, stream: &stream))
        let limit = Swift.min(maxIterations, dimension)
        var previous: [Double] = []
        var current: [Double] = []
        while true {
            _ = lanczos.step(hvp: hvp)
            let ritz = lanczos.tridiagonal.eigenvalues()
            current = Array(ritz.reversed().prefix(topK))
            if previous.count == topK && lanczos.steps > topK {
                let norm = Swift.max(abs(ritz[0]), abs(ritz[ritz.count - 1]))
                if zip(current, previous).allSatisfy({ abs($0 - $1) <= tolerance * norm }) { break }
            }
            if lanczos.steps >= limit { break }
            if lanczos.isInvariant {
                if !lanczos.restart(stream: &stream) { break }
            } else {
                lanczos.advance()
            }
            previous = current
        }
        return (current, lanczos.hessianVectorProducts)
    }

    /// Hutchinson's trace estimate and its standard error.
    func hutchinson<S: Scalar>(dimension: Int, step: Int, hvp: ([S]) -> [S]) -> (Double, Double) {
        var stream = RandomStream(seed: seed, purpose: "diagnostics/hutchinson", index: UInt64(step))
        var samples: [Double] = []
        samples.reserveCapacity(traceSamples)
        for _ in 0..<traceSamples {
            let z = VectorOps.rademacher(dimension, stream: &stream)
            samples.append(VectorOps.dot(z, VectorOps.apply(hvp, to: z)))
        }
        let m = Double(traceSamples)
        let mean = samples.reduce(0, +) / m
        guard traceSamples > 1 else { return (mean, .infinity) }
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1)
        return (mean, (variance / m).squareRoot())
    }

    /// Stochastic Lanczos quadrature over `densityProbes` Rademacher probes.
    func spectralDensity<S: Scalar>(dimension: Int, step: Int, hvp: ([S]) -> [S]) -> (SpectralDensity, Int) {
        var stream = RandomStream(seed: seed, purpose: "diagnostics/slq", index: UInt64(step))
        let steps = Swift.min(densitySteps, dimension)
        var nodes: [Double] = []
        var weights: [Double] = []
        var count = 0
        for _ in 0..<densityProbes {
            var lanczos = LanczosProcess(start: VectorOps.rademacher(dimension, stream: &stream))
            while true {
                _ = lanczos.step(hvp: hvp)
                if lanczos.steps >= steps || lanczos.isInvariant { break }
                lanczos.advance()
            }
            count += lanczos.hessianVectorProducts
            let decomposition = lanczos.tridiagonal.eigenDecomposition()
            nodes += decomposition.values
            weights += decomposition.vectors.map { $0[0] * $0[0] / Double(densityProbes) }
        }
        return (SpectralDensity(nodes: nodes, weights: weights), count)
    }
}
