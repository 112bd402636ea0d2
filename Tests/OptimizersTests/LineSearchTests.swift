import Testing
@testable import Optimizers

/// The line searches end at points satisfying their conditions (Nocedal and Wright
/// eq. 3.6a for Armijo, eq. 3.7 for strong Wolfe) and count their evaluations.
@Suite struct LineSearchTests {
    let p = Problems.rosenbrock

    func setup(_ x: [Double], _ direction: [Double]? = nil) -> (Oracle<Double>, Double, [Double], [Double], Double) {
        let oracle = p.oracle()
        let f = p.value(x), g = p.gradient(x)
        let d = direction ?? g.map { -$0 }
        return (oracle, f, g, d, LinearAlgebra.dot(g, d))
    }

    @Test func armijoBacktracksToFirstSufficientDecrease() {
        let x = p.start
        let (oracle, f, g, d, slope) = setup(x)
        let ls = ArmijoBacktracking<Double>()
        let r = ls.search(oracle: oracle, x: x, value: f, gradient: g, direction: d, slope: slope,
                          initialStep: 1, needsGradient: true)
        #expect(r.satisfied && r.moved)
        #expect(r.value <= f + 1e-4 * r.step * slope)
        // The previous (twice as long) trial failed the condition: α is the first accepted one.
        let longer = zip(x, d).map { $0 + 2 * r.step * $1 }
        #expect(p.value(longer) > f + 1e-4 * 2 * r.step * slope)
        #expect(r.gradient! == p.gradient(r.point))
        #expect(r.evaluations == oracle.functionEvaluations)
        // α = 2^-k for some k.
        #expect(r.step.significandBitPattern == 0)
    }

    @Test(arguments: [1.0, 1e-4, 0.01])
    func strongWolfeConditionsHold(initialStep: Double) {
        for x in [p.start, [0.5, 0.1], [-0.4, 0.9]] {
            let (oracle, f, g, d, slope) = setup(x)
            let ls = StrongWolfeLineSearch<Double>()
            let r = ls.search(oracle: oracle, x: x, value: f, gradient: g, direction: d, slope: slope,
                              initialStep: initialStep, needsGradient: true)
            #expect(r.satisfied && r.moved, "from \(x) with α0 = \(initialStep)")
            #expect(r.value <= f + 1e-4 * r.step * slope)
            #expect(abs(LinearAlgebra.dot(p.gradient(r.point), d)) <= 0.9 * abs(slope))
            #expect(r.evaluations == oracle.gradientEvaluations)
            #expect(r.evaluations <= 25)
        }
    }

    /// On a quadratic, zoom's cubic interpolation (N&W eq. 3.59) is exact: the search
    /// overshoots once, then lands on the exact minimizer along p.
    @Test func strongWolfeIsExactOnQuadraticAfterOneInterpolation() {
        let q = Problems.quadratic4
        let a = Problems.quadraticMatrix
        let x = q.start, g = q.gradient(x), d = g.map { -$0 }
        let slope = LinearAlgebra.dot(g, d)
        let exact = -slope / LinearAlgebra.dot(d, LinearAlgebra.multiply(a, d))
        let oracle = q.oracle()
        let r = StrongWolfeLineSearch<Double>().search(oracle: oracle, x: x, value: q.value(x), gradient: g, direction: d,
                                                       slope: slope, initialStep: 5 * exact, needsGradient: true)
        #expect(abs(r.step - exact) <= 1e-12 * exact)
        #expect(r.evaluations == 2)
    }

    /// A direction along which f only increases: no step is taken and the failure is reported.
    @Test func failureLeavesXInPlace() {
        // f = 0 at the origin and 1 everywhere else, while the reported slope is -1.
        let f: @Sendable ([Double]) -> Double = { $0[0] == 0 ? 0 : 1 }
        let oracle = Oracle<Double>(dimension: 1, value: f, valueAndGradient: { (f($0), [-1]) }, hessianVectorProduct: nil)
        for ls in [ArmijoBacktracking<Double>() as any LineSearch<Double>, StrongWolfeLineSearch<Double>()] {
            let r = ls.search(oracle: oracle, x: [0], value: 0, gradient: [-1], direction: [1], slope: -1,
                              initialStep: 1, needsGradient: true)
            #expect(!r.moved && !r.satisfied)
            #expect(r.point == [0] && r.value == 0)
            #expect(r.evaluations >= 1)
        }
    }

    @Test func fixedStepTakesTheGivenStep() {
        let x = p.start
        let (oracle, f, g, d, slope) = setup(x)
        let r = FixedStep<Double>().search(oracle: oracle, x: x, value: f, gradient: g, direction: d, slope: slope,
                                           initialStep: 0.001, needsGradient: true)
        #expect(r.step == 0.001 && r.satisfied)
        #expect(r.point == zip(x, d).map { $0 + 0.001 * $1 })
        #expect(oracle.gradientEvaluations == 1)
    }
}
