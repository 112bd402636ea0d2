import Engine
import Testing
@testable import Diagnostics

/// A tiny two-layer tanh network: loss(theta) = MSE(tanh(X W1 + b1) W2 + b2, y) on
/// 8 fixed examples, with 3 inputs, 5 hidden units and 1 output (26 parameters),
/// differentiated by the Engine's reverse-over-reverse Hessian-vector products.
private struct TinyNetwork {
    static let shapes: [[Int]] = [[3, 5], [1, 5], [5, 1], [1, 1]]
    let theta: [Double]
    let inputs: Tensor<Double>
    let targets: Tensor<Double>

    init() {
        var stream = RandomStream(seed: 3, purpose: "test/tiny-network")
        theta = (0..<26).map { _ in stream.normal() * 0.8 }
        inputs = Tensor(shape: [8, 3], data: (0..<24).map { _ in stream.uniform(-1, 1) })
        targets = Tensor(shape: [8, 1], data: (0..<8).map { _ in stream.uniform(-1, 1) })
    }

    var dimension: Int { theta.count }

    private func split(_ flat: [Double]) -> [Tensor<Double>] {
        var offset = 0
        return Self.shapes.map { shape in
            let count = shape.reduce(1, *)
            defer { offset += count }
            return Tensor(shape: shape, data: Array(flat[offset..<(offset + count)]))
        }
    }

    /// H v at theta.
    func hvp(_ v: [Double]) -> [Double] {
        let tape = Tape<Double>()
        let p = split(theta).map { tape.parameter($0) }
        let x = tape.constant(inputs)
        let hidden = (x.matmul(p[0]) + p[1]).tanh()
        let loss = (hidden.matmul(p[2]) + p[3]).meanSquaredError(targets)
        return tape.hessianVectorProduct(of: loss, withRespectTo: p, vector: split(v)).hv.flatMap(\.data)
    }

    /// The dense Hessian from one product per unit vector (column j = H e_j).
    func denseHessian() -> [[Double]] {
        (0..<dimension).map { j in hvp((0..<dimension).map { $0 == j ? 1 : 0 }) }
    }
}

@Suite struct ModelHessianTests {
    /// Lanczos on the network's Hessian agrees with the Jacobi eigenvalues of the
    /// dense Hessian assembled from products, and the trace with its diagonal sum.
    @Test func lanczosAgreesWithDenseHessian() {
        let model = TinyNetwork()
        let dense = model.denseHessian()
        let n = model.dimension
        var scale = 0.0
        for i in 0..<n { for j in 0..<n { scale = max(scale, abs(dense[i][j])) } }
        for i in 0..<n { for j in 0..<n { #expect(abs(dense[i][j] - dense[j][i]) <= 1e-12 * scale) } }
        let exact = JacobiEigenSolver.eigenvalues(dense)
        #expect(exact.last! > 0 && exact.first! < 0)   // an indefinite Hessian: a meaningful case

        let e = HessianEstimator(topK: 2, traceSamples: 200, density: true, densitySteps: 10, seed: 9)
            .estimate(dimension: n, step: 0, hvp: model.hvp)
        let top = exact.last!
        #expect(abs(e.topEigenvalues[0] - top) <= 1e-8 * abs(top))
        #expect(abs(e.topEigenvalues[1] - exact[n - 2]) <= 1e-8 * abs(top))

        let trace = (0..<n).reduce(0.0) { $0 + dense[$1][$1] }
        #expect(abs(e.trace - trace) <= 3 * e.traceStandardError)

        let d = try! #require(e.density)
        #expect(d.nodes.allSatisfy { $0 >= exact.first! - 1e-9 * top && $0 <= top + 1e-9 * top })
    }
}
