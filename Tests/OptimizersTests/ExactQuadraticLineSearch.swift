@testable import Optimizers

/// The exact minimizer along p of f(x) = ½ x'Ax - b'x: α = -g'p / p'Ap. Used to test
/// properties that the textbook states for exact line searches.
struct ExactQuadraticLineSearch: LineSearch {
    let a: [[Double]]

    func search(oracle: Oracle<Double>, x: [Double], value: Double, gradient: [Double], direction p: [Double],
                slope: Double, initialStep: Double, needsGradient: Bool) -> LineSearchResult<Double> {
        let alpha = -slope / LinearAlgebra.dot(p, LinearAlgebra.multiply(a, p))
        let point = zip(x, p).map { $0 + alpha * $1 }
        let (f, g) = oracle.valueAndGradient(point)
        return LineSearchResult(step: alpha, point: point, value: f, gradient: g, evaluations: 1, satisfied: true,
                                initialStep: initialStep, initialValue: f)
    }
}
