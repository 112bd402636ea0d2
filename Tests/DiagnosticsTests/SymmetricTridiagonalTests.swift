import Foundation
import Testing
@testable import Diagnostics

/// The tridiagonal QR eigen-solver against closed-form spectra.
@Suite struct SymmetricTridiagonalTests {
    /// tridiag(-1, 2, -1) of order n has eigenvalues 2 - 2 cos(k pi / (n+1)) and
    /// eigenvectors sqrt(2/(n+1)) sin(i k pi / (n+1)), i, k = 1..n
    /// (e.g. Strang, Computational Science and Engineering, Section 1.5).
    @Test func laplacianSpectrumAndEigenvectors() {
        let n = 12
        let t = SymmetricTridiagonal(diagonal: Array(repeating: 2, count: n),
                                     offDiagonal: Array(repeating: -1, count: n - 1))
        let h = Double.pi / Double(n + 1)
        let expected = (1...n).map { 2 - 2 * cos(Double($0) * h) }
        let values = t.eigenvalues()
        for (v, e) in zip(values, expected) { #expect(abs(v - e) < 1e-13) }
        let decomposition = t.eigenDecomposition()
        #expect(decomposition.values == values)
        for k in 1...n {
            let exact = (1...n).map { (2 / Double(n + 1)).squareRoot() * sin(Double($0 * k) * h) }
            let overlap = zip(exact, decomposition.vectors[k - 1]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(abs(overlap) - 1) < 1e-12)
        }
    }

    /// The Clement (Kac-Sylvester) matrix, zero diagonal and off-diagonal
    /// sqrt(k (n - k)), is the Jacobi matrix of the symmetric binomial
    /// distribution on {-(n-1), -(n-3), ..., n-1}: eigenvalues n - 1 - 2k and squared
    /// first eigenvector components C(n-1, k) / 2^(n-1) (Krawtchouk polynomials).
    @Test func clementMatrixGivesBinomialQuadrature() {
        let n = 9
        let t = SymmetricTridiagonal(diagonal: Array(repeating: 0, count: n),
                                     offDiagonal: (1..<n).map { Double($0 * (n - $0)).squareRoot() })
        let d = t.eigenDecomposition()
        var binomial = 1.0
        for k in 0..<n {
            #expect(abs(d.values[k] - Double(2 * k - (n - 1))) < 1e-12)
            #expect(abs(d.vectors[k][0] * d.vectors[k][0] - binomial / 256) < 1e-14)
            binomial = binomial * Double(n - 1 - k) / Double(k + 1)
        }
    }

    /// [[a, b], [b, c]] has eigenvalues (a + c)/2 -+ sqrt(((a - c)/2)^2 + b^2).
    @Test func twoByTwoClosedForm() {
        let (a, b, c) = (3.5, -1.25, -0.75)
        let values = SymmetricTridiagonal(diagonal: [a, c], offDiagonal: [b]).eigenvalues()
        let r = (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
        #expect(abs(values[0] - ((a + c) / 2 - r)) < 1e-14)
        #expect(abs(values[1] - ((a + c) / 2 + r)) < 1e-14)
    }

    @Test func diagonalInputIsSortedWithUnitVectors() {
        let d = SymmetricTridiagonal(diagonal: [3, -1, 2], offDiagonal: [0, 0]).eigenDecomposition()
        #expect(d.values == [-1, 2, 3])
        #expect(d.vectors == [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    }

    /// A zero coupling splits the matrix: the spectrum is the union of both blocks'.
    @Test func splitMatrixIsUnionOfBlocks() {
        let t = SymmetricTridiagonal(diagonal: [2, 2, 2, 5, 5], offDiagonal: [-1, -1, 0, 3])
        let expected = [2 - 2.0.squareRoot(), 2, 2 + 2.0.squareRoot(), 2, 8].sorted()
        for (v, e) in zip(t.eigenvalues(), expected) { #expect(abs(v - e) < 1e-13) }
    }

    @Test func smallOrders() {
        #expect(SymmetricTridiagonal(diagonal: [], offDiagonal: []).eigenvalues() == [])
        let one = SymmetricTridiagonal(diagonal: [4.5], offDiagonal: []).eigenDecomposition()
        #expect(one.values == [4.5] && one.vectors == [[1]])
    }

    /// For a random matrix: T v = lambda v, V orthonormal, and the invariants
    /// sum lambda = trace and sum lambda^2 = ||T||_F^2.
    @Test func randomMatrixResidualsAndInvariants() {
        let n = 40
        let a = (0..<n).map { sin(Double($0) * 1.7) * 3 }
        let b = (0..<(n - 1)).map { cos(Double($0) * 0.9) + 0.1 }
        let t = SymmetricTridiagonal(diagonal: a, offDiagonal: b)
        let d = t.eigenDecomposition()
        let norm = a.map(abs).max()! + 2 * b.map(abs).max()!
        for (lambda, v) in zip(d.values, d.vectors) {
            for i in 0..<n {
                var tv = a[i] * v[i]
                if i > 0 { tv += b[i - 1] * v[i - 1] }
                if i < n - 1 { tv += b[i] * v[i + 1] }
                #expect(abs(tv - lambda * v[i]) < 1e-12 * norm)
            }
        }
        for i in 0..<n {
            for j in 0..<n {
                let dot = zip(d.vectors[i], d.vectors[j]).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-12)
            }
        }
        #expect(abs(d.values.reduce(0, +) - a.reduce(0, +)) < 1e-11)
        let frobenius = a.reduce(0) { $0 + $1 * $1 } + 2 * b.reduce(0) { $0 + $1 * $1 }
        #expect(abs(d.values.reduce(0) { $0 + $1 * $1 } - frobenius) < 1e-10)
    }
}
