import Testing
@testable import Diagnostics

/// Lanczos top eigenvalues on quadratics with known spectra.
@Suite struct TopEigenvalueTests {
    private func top(_ q: TestQuadratic, k: Int, maxIterations: Int = 100) -> HessianEstimates {
        HessianEstimator(topK: k, traceSamples: 2, density: false, seed: 7, maxIterations: maxIterations)
            .estimate(dimension: q.dimension, step: 3, hvp: q.hvp as ([Double]) -> [Double])
    }

    @Test func diagonalOneToFifty() {
        let q = TestQuadratic(diagonal: (1...50).map(Double.init))
        let e = top(q, k: 3)
        #expect(e.topEigenvalues.count == 3)
        for (v, x) in zip(e.topEigenvalues, [50.0, 49, 48]) { #expect(abs(v - x) < 1e-6) }
    }

    /// Dense H with repeated and negative eigenvalues below the top three.
    @Test func rotatedWithRepeatedAndNegativeEigenvalues() {
        let spectrum = [-7.0, -7, -3, 0, 0, 0, 20, 20, 20] + (1...50).map(Double.init)
        let q = TestQuadratic(rotated: spectrum)
        let e = top(q, k: 3)
        for (v, x) in zip(e.topEigenvalues, q.sortedDescending.prefix(3)) { #expect(abs(v - x) < 1e-6) }
    }

    /// With separated top eigenvalues above a bulk the Ritz values settle early:
    /// the tolerance stops Lanczos well before maxIterations.
    @Test func separatedTopConvergesEarly() {
        let n = 400
        let bulk = (0..<(n - 3)).map { -1 + 11 * Double($0) / Double(n - 4) }
        let q = TestQuadratic(rotated: [100, 80, 60] + bulk)
        let e = top(q, k: 3)
        for (v, x) in zip(e.topEigenvalues, [100.0, 80, 60]) { #expect(abs(v - x) < 1e-6) }
        let lanczosProducts = e.hessianVectorProducts - 2
        #expect(lanczosProducts < 60)
    }

    /// The Krylov space of diag(5, 3, 0, ..., 0) has dimension 3; Lanczos restarts
    /// and still returns the top three values [5, 3, 0].
    @Test func rankDeficientRestarts() {
        let q = TestQuadratic(rotated: [5, 3] + Array(repeating: 0, count: 8))
        let e = top(q, k: 3)
        #expect(e.topEigenvalues.count == 3)
        for (v, x) in zip(e.topEigenvalues, [5.0, 3, 0]) { #expect(abs(v - x) < 1e-9) }
    }

    /// "Top" means largest algebraic value: a large negative eigenvalue is not reported.
    @Test func largestAlgebraicNotMagnitude() {
        let q = TestQuadratic(rotated: [-100, 1, 2, 3, 0.5, -2, 2.5, 1.5])
        let e = top(q, k: 2)
        for (v, x) in zip(e.topEigenvalues, [3.0, 2.5]) { #expect(abs(v - x) < 1e-9) }
    }

    /// Asking for more eigenvalues than the dimension returns the whole spectrum.
    @Test func topKAboveDimension() {
        let q = TestQuadratic(rotated: [1, 2, 3])
        let e = top(q, k: 5)
        #expect(e.topEigenvalues.count == 3)
        for (v, x) in zip(e.topEigenvalues, [3.0, 2, 1]) { #expect(abs(v - x) < 1e-12) }
    }

    /// maxIterations caps the Hessian-vector products spent on Lanczos.
    @Test func iterationCap() {
        let q = TestQuadratic(diagonal: (1...50).map(Double.init))
        let e = top(q, k: 2, maxIterations: 5)
        #expect(e.hessianVectorProducts == 5 + 2)
        #expect(e.topEigenvalues[0] <= 50 + 1e-12 && e.topEigenvalues[0] > 40)
    }

    /// Float Hessian-vector products: the estimate is limited by Float rounding.
    @Test func floatProducts() {
        let q = TestQuadratic(rotated: (1...40).map(Double.init))
        let e = HessianEstimator(topK: 1, traceSamples: 2, density: false, seed: 7)
            .estimate(dimension: q.dimension, step: 0, hvp: q.hvp as ([Float]) -> [Float])
        #expect(abs(e.topEigenvalues[0] - 40) < 40 * 1e-5)
    }
}
