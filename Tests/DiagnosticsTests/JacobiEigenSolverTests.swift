import Foundation
import Testing
@testable import Diagnostics

/// The dense Jacobi eigen-solver against closed-form spectra.
@Suite struct JacobiEigenSolverTests {
    /// The dense 1-D Laplacian: eigenvalues 2 - 2 cos(k pi / (n + 1)).
    @Test func laplacian() {
        let n = 10
        let rows = (0..<n).map { i in (0..<n).map { j in i == j ? 2.0 : (abs(i - j) == 1 ? -1.0 : 0.0) } }
        let values = JacobiEigenSolver.eigenvalues(rows)
        for (k, v) in values.enumerated() {
            #expect(abs(v - (2 - 2 * cos(Double(k + 1) * Double.pi / Double(n + 1)))) < 1e-13)
        }
    }

    /// The all-ones matrix of order n has eigenvalue n once and 0 with multiplicity n - 1.
    @Test func onesMatrix() {
        let n = 7
        let values = JacobiEigenSolver.eigenvalues(Array(repeating: Array(repeating: 1.0, count: n), count: n))
        for v in values.dropLast() { #expect(abs(v) < 1e-13) }
        #expect(abs(values[n - 1] - Double(n)) < 1e-13)
    }

    /// A dense matrix built with a known spectrum (repeated and negative values).
    @Test func rotatedSpectrumWithEigenvectors() {
        let spectrum: [Double] = [-4, -4, -1, 0, 0.5, 2, 2, 2, 9, 13]
        let q = TestQuadratic(rotated: spectrum)
        let a = q.dense
        let d = JacobiEigenSolver.decompose(a)
        for (v, e) in zip(d.values, spectrum.sorted()) { #expect(abs(v - e) < 1e-12) }
        for (lambda, v) in zip(d.values, d.vectors) {
            let av = q.product(v)
            for i in 0..<v.count { #expect(abs(av[i] - lambda * v[i]) < 1e-12) }
        }
    }
}
