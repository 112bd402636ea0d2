import Testing
@testable import Optimizers

/// CG-Steihaug (Nocedal and Wright Algorithm 7.2) and the radius rule of Algorithm 6.2.
@Suite struct TrustRegionTests {
    let a = Problems.quadraticMatrix

    func model(_ g: [Double], _ b: [[Double]], _ p: [Double]) -> Double {
        LinearAlgebra.dot(g, p) + 0.5 * LinearAlgebra.dot(p, LinearAlgebra.multiply(b, p))
    }

    @Test func interiorSolutionIsTheNewtonStep() {
        let g = [1.0, -2, 0.5, 3]
        let r = SteihaugCG.solve(gradient: g, radius: 100, tolerance: 1e-12, maxIterations: 10) { LinearAlgebra.multiply(a, $0) }
        let newton = LinearAlgebra.multiply(LinearAlgebra.inverse(a), g).map { -$0 }
        #expect(maxDifference(r.step, newton) <= 1e-10)
        #expect(!r.hitBoundary && !r.negativeCurvature)
        #expect(abs(r.modelValue - model(g, a, r.step)) <= 1e-12)
    }

    @Test func smallRadiusStopsOnTheBoundary() {
        let g = [1.0, -2, 0.5, 3]
        let r = SteihaugCG.solve(gradient: g, radius: 0.1, tolerance: 1e-12, maxIterations: 10) { LinearAlgebra.multiply(a, $0) }
        #expect(abs(LinearAlgebra.dot(r.step, r.step).squareRoot() - 0.1) <= 1e-14)
        #expect(r.hitBoundary)
        #expect(abs(r.modelValue - model(g, a, r.step)) <= 1e-12)
        #expect(r.modelValue < 0)
    }

    @Test func negativeCurvatureGoesToTheBoundary() {
        let b: [[Double]] = [[1, 0], [0, -2]]
        let g = [0.5, 0.1]
        let r = SteihaugCG.solve(gradient: g, radius: 2, tolerance: 1e-12, maxIterations: 10) { LinearAlgebra.multiply(b, $0) }
        #expect(r.negativeCurvature && r.hitBoundary)
        #expect(abs(LinearAlgebra.dot(r.step, r.step).squareRoot() - 2) <= 1e-12)
        #expect(abs(r.modelValue - model(g, b, r.step)) <= 1e-12)
        #expect(r.modelValue < 0)
    }

    @Test func radiusRuleFollowsAlgorithm62() {
        var r = TrustRegionRadius<Double>(radius: 1, maxRadius: 3, eta: 1e-4)
        r.update(ratio: 0.9, stepNorm: 0.5)
        #expect(r.radius == 1)  // very successful but the step was well inside
        r.update(ratio: 0.9, stepNorm: 1)
        #expect(r.radius == 2)
        r.update(ratio: 0.9, stepNorm: 2)
        #expect(r.radius == 3)  // capped
        r.update(ratio: 0.5, stepNorm: 3)
        #expect(r.radius == 3)
        r.update(ratio: 0.05, stepNorm: 3)
        #expect(r.radius == 1.5)
        r.update(ratio: -.infinity, stepNorm: 1)
        #expect(r.radius == 0.75)
        #expect(r.accepts(0.001) && !r.accepts(0.0) && !r.accepts(-1))
    }
}
