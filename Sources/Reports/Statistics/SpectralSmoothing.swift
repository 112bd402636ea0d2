import Engine

/// Gaussian smoothing of a quadrature estimate of a spectral density, as in
/// Ghorbani, Krishnan and Xiao, "An investigation into neural net optimization
/// via Hessian eigenvalue density" (ICML 2019), eq. 5:
/// `phi(t) = sum_l w_l exp(-(t - theta_l)^2 / (2 sigma^2)) / (sigma sqrt(2 pi))`.
///
/// Reports draw it on a common grid: `sigma` is 1% of the range of all nodes
/// drawn together, and `points` grid points span that range widened by
/// `margin` sigmas on each side (a degenerate range uses 1% of the largest
/// magnitude, at least 0.01, as sigma). `DeterministicMath.exp` keeps the values
/// the same on every machine.
enum SpectralSmoothing {
    /// Grid points of a density figure.
    static let points = 400
    /// Smoothing width as a fraction of the node range.
    static let relativeWidth = 0.01
    /// Grid margin beyond the extreme nodes, in sigmas: far enough for the tail of
    /// an outlying node to fall to the figures' floor instead of ending at the edge.
    static let margin = 6.0

    /// The smoothing width and the grid for nodes spanning `[lo, hi]`.
    static func grid(lo: Double, hi: Double) -> (sigma: Double, grid: [Double]) {
        precondition(lo.isFinite && hi.isFinite && lo <= hi, "need a finite node range")
        let range = hi - lo
        let sigma = range > 0 ? relativeWidth * range : relativeWidth * max(1, abs(lo), abs(hi))
        let a = lo - margin * sigma, b = hi + margin * sigma
        let grid = (0..<points).map { a + (b - a) * Double($0) / Double(points - 1) }
        return (sigma, grid)
    }

    /// The smoothed density of `nodes` with `weights` at each point of `grid`.
    static func density(nodes: [Double], weights: [Double], grid: [Double], sigma: Double) -> [Double] {
        precondition(nodes.count == weights.count, "one weight per node")
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
