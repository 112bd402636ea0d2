import Testing
@testable import Engine

/// Hessian-vector products against closed forms.
@Suite struct HessianTests {
    /// f(x) = 1/2 x'Ax + b'x has Hessian A (symmetric), so Hv = A v exactly.
    @Test func quadraticHessianIsExact() {
        let a: [Double] = [4, 1, 0.5, 1, 3, -1, 0.5, -1, 2]
        let x0 = Tensor<Double>(shape: [3, 1], data: [0.3, -0.2, 0.7])
        let v = Tensor<Double>(shape: [3, 1], data: [1, -2, 0.5])
        let tape = Tape<Double>()
        let x = tape.parameter(x0)
        let A = tape.constant(Tensor(shape: [3, 3], data: a))
        let b = tape.constant(Tensor(shape: [3, 1], data: [1, 2, 3]))
        let f = x.matmul(A.matmul(x), transposeSelf: true).sum() * 0.5 + (b * x).sum()
        let (g, hv) = tape.hessianVectorProduct(of: f, withRespectTo: [x], vector: [v])
        let expectedHv = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * v.data[$1] } }
        let expectedG = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * x0.data[$1] } + [1.0, 2, 3][i] }
        for i in 0..<3 {
            #expect(abs(hv[0].data[i] - expectedHv[i]) < 1e-12)
            #expect(abs(g[0].data[i] - expectedG[i]) < 1e-12)
        }
    }

    /// Rosenbrock's Hessian at (x, y): [[1200x^2 - 400y + 2, -400x], [-400x, 200]].
    @Test func rosenbrockHessianMatchesClosedForm() {
        let p = Tensor<Double>(shape: [2], data: [-1.2, 1])
        let v = Tensor<Double>(shape: [2], data: [0.3, -0.7])
        let tape = Tape<Double>()
        let w = tape.parameter(p)
        let x = w.slice(axis: 0, start: 0, length: 1), y = w.slice(axis: 0, start: 1, length: 1)
        let f = ((y - x * x).pow(2) * 100.0 + (1.0 - x).pow(2)).sum()
        let hv = tape.hessianVectorProduct(of: f, withRespectTo: [w], vector: [v]).hv[0]
        let (xx, yy) = (-1.2, 1.0)
        let h = [1200 * xx * xx - 400 * yy + 2, -400 * xx, -400 * xx, 200.0]
        #expect(abs(hv.data[0] - (h[0] * 0.3 + h[1] * -0.7)) < 1e-9)
        #expect(abs(hv.data[1] - (h[2] * 0.3 + h[3] * -0.7)) < 1e-9)
    }

    @Test func unusedVariableGetsZeroGradient() {
        let tape = Tape<Double>()
        let a = tape.parameter(Tensor(shape: [2], data: [1, 2]))
        let b = tape.parameter(Tensor(shape: [3], data: [1, 2, 3]))
        let g = tape.gradients(of: (a * a).sum(), withRespectTo: [a, b])
        #expect(g[0].value.data == [2, 4])
        #expect(g[1].value.data == [0, 0, 0])
    }
}
