import Foundation
import Testing
import Engine
@testable import Diagnostics

/// Stochastic Lanczos quadrature.
@Suite struct SpectralDensityTests {
    private func density(_ q: TestQuadratic, steps: Int, probes: Int) -> HessianEstimates {
        HessianEstimator(topK: 0, traceSamples: 2, density: true, densitySteps: steps, densityProbes: probes, seed: 5)
            .estimate(dimension: q.dimension, step: 4, hvp: q.hvp as ([Double]) -> [Double])
    }

    /// For D = diag(-2, 1, 1, 3, 3, 3, 7) and a probe z / sqrt(7) with z_i = +-1, the
    /// spectral measure sum_i z_i^2/7 delta(lambda_i) puts mass (multiplicity / 7) on
    /// each distinct eigenvalue; with 4 distinct values Lanczos stops after 4
    /// steps and Gauss quadrature returns that measure exactly.
    @Test func exactOnDiagonalWithMultiplicities() {
        let q = TestQuadratic(diagonal: [-2, 1, 1, 3, 3, 3, 7])
        let e = density(q, steps: 10, probes: 3)
        let d = try! #require(e.density)
        #expect(d.nodes.count == 12)
        #expect(e.hessianVectorProducts == 2 + 12)
        for probe in 0..<3 {
            for (l, (node, mass)) in zip([-2.0, 1, 3, 7], [1.0, 2, 3, 1]).enumerated() {
                #expect(abs(d.nodes[probe * 4 + l] - node) < 1e-12)
                #expect(abs(d.weights[probe * 4 + l] - mass / 7 / 3) < 1e-12)
            }
        }
    }

    /// Weights are a probability vector and nodes (Ritz values) lie inside
    /// [lambda_min, lambda_max] by Cauchy interlacing.
    @Test func weightsSumToOneAndNodesInsideSpectrum() {
        let spectrum = [-7.0, -7, -3, 0, 0, 0, 20, 20, 20] + (1...50).map(Double.init)
        let q = TestQuadratic(rotated: spectrum)
        let e = density(q, steps: 20, probes: 4)
        let d = try! #require(e.density)
        #expect(d.nodes.count == 80)
        #expect(e.hessianVectorProducts == 2 + 80)
        #expect(abs(d.weights.reduce(0, +) - 1) < 1e-12)
        #expect(d.weights.allSatisfy { $0 >= 0 })
        #expect(d.nodes.allSatisfy { $0 >= -7 - 1e-9 && $0 <= 50 + 1e-9 })
        // Gauss quadrature with m nodes is exact for polynomials of degree < 2m:
        // per probe v = z / sqrt(n), sum_l tau_l theta_l^p = v^T H^p v for p = 1, 2, 3.
        var stream = RandomStream(seed: 5, purpose: "diagnostics/slq", index: 4)
        let n = Double(q.dimension)
        for probe in 0..<4 {
            let z = VectorOps.rademacher(q.dimension, stream: &stream)
            let hz = q.product(z)
            let exact = [VectorOps.dot(z, hz) / n, VectorOps.dot(hz, hz) / n, VectorOps.dot(hz, q.product(hz)) / n]
            for p in 1...3 {
                let range = (probe * 20)..<(probe * 20 + 20)
                let moment = range.reduce(0.0) { $0 + d.weights[$1] * 4 * pow(d.nodes[$1], Double(p)) }
                #expect(abs(moment - exact[p - 1]) < 1e-9 * abs(exact[p - 1]))
            }
        }
    }

    /// The Gaussian-smoothed density integrates to 1, and one unit node gives the
    /// normal density's peak 1 / (sigma sqrt(2 pi)).
    @Test func smoothedDensity() {
        let single = SpectralDensity(nodes: [0.5], weights: [1])
        let peak = single.smoothed(grid: [0.5], sigma: 0.25)[0]
        #expect(abs(peak - 1 / (0.25 * (2 * Double.pi).squareRoot())) < 1e-14)

        let q = TestQuadratic(rotated: (1...30).map(Double.init))
        let d = try! #require(density(q, steps: 10, probes: 2).density)
        let sigma = 0.5, h = 0.01
        let grid = stride(from: -10.0, through: 41, by: h).map { $0 }
        let values = d.smoothed(grid: grid, sigma: sigma)
        let integral = values.reduce(0, +) * h
        #expect(abs(integral - 1) < 1e-6)
    }
}
