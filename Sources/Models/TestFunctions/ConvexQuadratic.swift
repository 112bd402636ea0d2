import Support
import Engine

/// A convex quadratic with a given condition number: f(x) = 1/2 (Q x)^T Lambda (Q x)
/// with eigenvalues lambda_i = kappa^(i / (n - 1)), i = 0 ..< n, log-spaced from 1 to
/// kappa (lambda = 1 when n = 1), so the Hessian Q^T Lambda Q has condition number kappa.
///
/// Q is a fixed rotation when `rotated`: the orthonormalized (modified Gram-Schmidt)
/// rows of a Gaussian matrix drawn from `RandomStream(seed: 0, purpose:
/// "quadratic/rotation", index: n)`, the same for every run seed; otherwise Q = I.
/// x0 = (1, ..., 1); f* = 0 at the origin.
public struct ConvexQuadratic: TestFunction {
    /// The declaration of `quadratic`.
    public static let declaration = ComponentDeclaration(
        "quadratic", "convex quadratic 0.5 x'Ax with eigenvalues spread log-uniformly, minimum 0 at 0",
        params: [
            .int("n", 10, .atLeast(1), "dimension"),
            .double("condition", 100, .atLeast(1), "condition number of A"),
            .bool("rotate", true, "rotate the eigenbasis by a fixed random orthogonal matrix", identity: .whenNotDefault),
        ],
        traits: [.testFunction])

    public let dimension: Int
    public let condition: Double
    public let rotated: Bool
    /// Eigenvalues lambda_i.
    public let eigenvalues: [Double]
    /// Row-major Q `[n, n]` (identity when not rotated).
    public let rotation: [Double]

    public init(n: Int, condition: Double, rotated: Bool = true) {
        precondition(n >= 1 && condition >= 1, "quadratic needs n >= 1 and condition >= 1")
        dimension = n; self.condition = condition; self.rotated = rotated
        let logKappa = DeterministicMath.log(condition)
        eigenvalues = (0..<n).map { n == 1 ? 1 : DeterministicMath.exp(Double($0) / Double(n - 1) * logKappa) }
        rotation = rotated ? ConvexQuadratic.orthonormalRows(n) : (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 }
    }

    public var id: String { "quadratic" }
    public var start: [Double] { [Double](repeating: 1, count: dimension) }
    public var minimum: Double { 0 }
    public var minimizer: [Double] { [Double](repeating: 0, count: dimension) }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        let tape = x.tape
        let q = tape.constant(Tensor(shape: [dimension, dimension], data: rotation.map { S($0) }))
        let y = q.matmul(x.reshaped([dimension, 1]))
        let lambda = tape.constant(Tensor(shape: [dimension, 1], data: eigenvalues.map { S($0 / 2) }))
        return (y * y * lambda).sum()
    }

    /// Modified Gram-Schmidt on the rows of a fixed Gaussian matrix (Golub and Van
    /// Loan, Matrix Computations, 4th ed., Algorithm 5.2.6).
    static func orthonormalRows(_ n: Int) -> [Double] {
        var rng = RandomStream(seed: 0, purpose: "quadratic/rotation", index: UInt64(n))
        var q = (0..<(n * n)).map { _ in rng.normal() }
        for i in 0..<n {
            for j in 0..<i {
                var dot = 0.0
                for k in 0..<n { dot += q[i * n + k] * q[j * n + k] }
                for k in 0..<n { q[i * n + k] -= dot * q[j * n + k] }
            }
            var norm = 0.0
            for k in 0..<n { norm += q[i * n + k] * q[i * n + k] }
            norm = norm.squareRoot()
            for k in 0..<n { q[i * n + k] /= norm }
        }
        return q
    }
}
