import Testing
@testable import Diagnostics

/// Two estimates with the same seed and step are bit-identical.
@Suite struct DeterminismTests {
    private let estimator = HessianEstimator(topK: 3, traceSamples: 8, density: true, densitySteps: 12, seed: 42)
    private let quadratic = TestQuadratic(rotated: [-3, -1, 0, 0] + (1...36).map { Double($0) * 0.5 })

    @Test func doubleRunsAreIdentical() {
        let a = estimator.estimate(dimension: quadratic.dimension, step: 100, hvp: quadratic.hvp as ([Double]) -> [Double])
        let b = estimator.estimate(dimension: quadratic.dimension, step: 100, hvp: quadratic.hvp as ([Double]) -> [Double])
        #expect(a == b)
        #expect(a.topEigenvalues.map(\.bitPattern) == b.topEigenvalues.map(\.bitPattern))
        #expect(a.trace.bitPattern == b.trace.bitPattern)
        #expect(a.density != nil)
    }

    @Test func floatRunsAreIdentical() {
        let a = estimator.estimate(dimension: quadratic.dimension, step: 7, hvp: quadratic.hvp as ([Float]) -> [Float])
        let b = estimator.estimate(dimension: quadratic.dimension, step: 7, hvp: quadratic.hvp as ([Float]) -> [Float])
        #expect(a == b)
    }

    /// The curve names of the run-file vocabulary.
    @Test func curveValues() {
        let e = HessianEstimates(topEigenvalues: [5, 2], trace: 9, traceStandardError: 0.5, density: nil,
                                 hessianVectorProducts: 30)
        #expect(e.curveValues == ["hessian_top_eig_1": 5, "hessian_top_eig_2": 2,
                                  "hessian_trace": 9, "hessian_trace_stderr": 0.5])
    }
}
