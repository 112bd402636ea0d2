import Engine

/// An estimate of the Hessian's spectral density phi(t) = (1/n) sum_i delta(t - lambda_i)
/// by stochastic Lanczos quadrature (Ubaru, Chen and Saad 2017, "Fast estimation
/// of tr(f(A)) via stochastic Lanczos quadrature"; Ghorbani, Krishnan and Xiao
/// 2019, "An investigation into neural net optimization via Hessian eigenvalue
/// density").
///
/// For each unit probe v, m Lanczos steps give T_m = Y diag(theta) Y^T; the Gauss
/// quadrature nodes theta_l with weights tau_l = Y[0, l]^2 satisfy
/// sum_l tau_l f(theta_l) ~ v^T f(H) v, exactly for polynomials of degree < 2m.
/// The nodes and weights of all probes are concatenated (probe after probe,
/// nodes ascending within a probe) and the weights divided by the number of
/// probes, so they sum to 1.
public struct SpectralDensity: Sendable, Equatable {
    /// Quadrature nodes (Ritz values) of every probe.
    public var nodes: [Double]
    /// Quadrature weights, same length as `nodes`, summing to 1.
    public var weights: [Double]

    /// A density from already averaged nodes and weights.
    public init(nodes: [Double], weights: [Double]) {
        precondition(nodes.count == weights.count, "one weight per node")
        self.nodes = nodes
        self.weights = weights
    }

    /// The density smoothed by a Gaussian kernel of width `sigma`, evaluated at
    /// each grid point: sum_l w_l exp(-(t - theta_l)^2 / (2 sigma^2)) / (sigma sqrt(2 pi))
    /// (Ghorbani et al. 2019, eq. 5). It integrates to 1 over the real line.
    public func smoothed(grid: [Double], sigma: Double) -> [Double] {
        precondition(sigma > 0, "the smoothing width must be positive")
        let normalization = 1 / (sigma * (2 * Double.pi).squareRoot())
        return grid.map { t in
            var sum = 0.0
            for (node, weight) in zip(nodes, weights) {
                let u = (t - node) / sigma
                sum += weight * DeterministicMath.exp(-0.5 * u * u)
            }
            return sum * normalization
        }
    }
}
