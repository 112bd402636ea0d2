import Foundation
import Testing
@testable import Optimizers

/// Newton-CG specifics: Martens' damping rule, the negative-curvature exit and the
/// need for Hessian-vector products.
@Suite struct NewtonCGTests {
    /// f = √(1 + x²) at x = 2 with λ = 0.01: the damped Newton step overshoots to
    /// x ≈ -7 where f rises, so ρ < 0 < 1/4 and λ grows by 3/2; Armijo still finds a
    /// decrease by backtracking.
    @Test func poorModelIncreasesDamping() throws {
        let f: @Sendable (Double) -> Double = { (1 + $0 * $0).squareRoot() }
        let oracle = Oracle<Double>(dimension: 1, value: { f($0[0]) }, valueAndGradient: { ($0.map(f)[0], [$0[0] / f($0[0])]) },
                                    hessianVectorProduct: { x, v in [v[0] / pow(f(x[0]), 3)] })
        let newton = NewtonCG<Double>(dimension: 1, damping: 0.01)
        var x = [2.0]
        let report = try newton.step(&x, oracle: oracle, iteration: 0)
        #expect(abs(newton.damping - 0.015) <= 1e-15)
        #expect(report.moved && x[0] < 2 && f(x[0]) < f(2))
        #expect(report.lineSearchEvaluations > 1)
    }

    /// f = cos x at 0.3 has f'' < 0: CG's first direction has negative curvature and
    /// the step falls back to -g (N&W Algorithm 7.1).
    @Test func negativeCurvatureFallsBackToSteepestDescent() throws {
        let oracle = Oracle<Double>(dimension: 1, value: { cos($0[0]) }, valueAndGradient: { (cos($0[0]), [-sin($0[0])]) },
                                    hessianVectorProduct: { x, v in [-cos(x[0]) * v[0]] })
        let newton = NewtonCG<Double>(dimension: 1, damping: 0)
        var x = [0.3]
        let report = try newton.step(&x, oracle: oracle, iteration: 0)
        #expect(report.negativeCurvature && report.cgIterations == 1)
        #expect(abs(x[0] - (0.3 + sin(0.3))) <= 1e-15)  // unit step along -g = sin(0.3)
        #expect(newton.counters.negativeCurvatureExits == 1)
    }

    @Test func refusesOraclesWithoutHessianVectorProducts() {
        let p = Problems.rosenbrock
        let newton = NewtonCG<Double>(dimension: 2)
        var x = p.start
        #expect(throws: OptimizerError.hessianVectorProductsUnavailable(optimizer: "newton_cg")) {
            _ = try newton.step(&x, oracle: p.oracle(withHessian: false), iteration: 0)
        }
        #expect(x == p.start)
    }

    @Test func countsOneHessianVectorProductPerCGIteration() throws {
        let p = Problems.wood
        let newton = NewtonCG<Double>(dimension: 4)
        let oracle = p.oracle()
        _ = try run(newton, oracle: oracle, from: p.start, maxSteps: 10)
        #expect(oracle.hessianVectorEvaluations == newton.counters.cgIterations)
    }
}
