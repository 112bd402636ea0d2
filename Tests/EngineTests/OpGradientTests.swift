import Testing
import TestSupport
@testable import Engine

/// Float64 gradient checks (relative error < 1e-6) and Hessian-vector checks
/// (relative error < 1e-5) of every differentiable operation.
@Suite struct OpGradientTests {
    typealias V = Variable<Double>
    static let tol = 1e-6, hvTol = 1e-5

    nonisolated(unsafe) static let cases: [(String, [[Int]], Double, Double, ([V]) -> V)] = [
        ("add broadcast row", [[3, 4], [4]], -1, 1, { v in ((v[0] + v[1]) * v[0]).sum() }),
        ("sub broadcast column", [[3, 4], [3, 1]], -1, 1, { v in ((v[0] - v[1]) * (v[0] - v[1])).sum() }),
        ("mul broadcast middle", [[2, 3, 4], [2, 1, 4]], -1, 1, { v in (v[0] * v[1] * v[0]).sum() }),
        ("div", [[3, 4], [3, 4]], 0.5, 2, { v in (v[0] / v[1]).sum() }),
        ("neg and scalars", [[5]], -1, 1, { v in ((-v[0] * 3.0 + 2.0) * v[0]).sum() }),
        ("sum axis", [[2, 3, 4]], -1, 1, { v in (v[0].sum(axis: 1) * v[0].sum(axis: 1)).sum() }),
        ("mean axis keepdims", [[3, 4]], -1, 1, { v in (v[0].mean(axis: 0, keepDims: true) * v[0]).sum() }),
        ("max axis", [[3, 5]], -1, 1, { v in (v[0].max(axis: 1) * v[0].max(axis: 1)).sum() }),
        ("exp", [[6]], -2, 2, { v in v[0].exp().sum() }),
        ("log", [[6]], 0.3, 3, { v in (v[0].log() * v[0]).sum() }),
        ("tanh", [[6]], -2, 2, { v in (v[0].tanh() * v[0]).sum() }),
        ("sigmoid", [[6]], -3, 3, { v in (v[0].sigmoid() * v[0]).sum() }),
        ("relu", [[7]], -1, 1, { v in (v[0].relu() * v[0]).sum() }),
        ("gelu", [[7]], -2, 2, { v in (v[0].gelu() * v[0]).sum() }),
        ("erf", [[7]], -2, 2, { v in (v[0].erf() * v[0]).sum() }),
        ("sqrt", [[5]], 0.5, 3, { v in (v[0].sqrt() * v[0]).sum() }),
        ("pow 3 and 1.7", [[5]], 0.5, 2, { v in (v[0].pow(3) + v[0].pow(1.7)).sum() }),
        ("abs", [[5]], 0.1, 1, { v in ((-v[0]).abs() * v[0]).sum() }),
        ("softmax", [[3, 5]], -2, 2, { v in (v[0].softmax() * v[0]).sum() }),
        ("log softmax", [[3, 5]], -2, 2, { v in (v[0].logSoftmax() * v[0]).sum() }),
        ("logsumexp", [[3, 5]], -2, 2, { v in (v[0].logSumExp() * v[0].logSumExp()).sum() }),
        ("cross-entropy", [[4, 5]], -2, 2, { v in v[0].softmaxCrossEntropy(labels: [1, 0, 4, 2]) }),
        ("cross-entropy smoothing and padding", [[4, 5]], -2, 2,
         { v in v[0].softmaxCrossEntropy(labels: [1, -1, 4, 2], smoothing: 0.1) }),
        ("mse", [[3, 2]], -1, 1, { v in v[0].meanSquaredError(Tensor(shape: [3, 2], data: [1, 2, 3, 4, 5, 6])) }),
        ("matmul", [[3, 4], [4, 2]], -1, 1, { v in (v[0].matmul(v[1]) * v[0].matmul(v[1])).sum() }),
        ("matmul transposed", [[4, 3], [2, 4]], -1, 1,
         { v in (v[0].matmul(v[1], transposeSelf: true, transposeOther: true).tanh()).sum() }),
        ("batched matmul", [[2, 3, 4], [2, 4, 2]], -1, 1, { v in v[0].batchedMatmul(v[1]).tanh().sum() }),
        ("batched matmul transposed", [[2, 4, 3], [2, 2, 4]], -1, 1,
         { v in v[0].batchedMatmul(v[1], transposeSelf: true, transposeOther: true).tanh().sum() }),
        ("reshape and permute", [[2, 3, 4]], -1, 1,
         { v in (v[0].permuted([2, 0, 1]).reshaped([4, 6]).tanh() * v[0].permuted([2, 0, 1]).reshaped([4, 6])).sum() }),
        ("transpose", [[3, 4]], -1, 1, { v in (v[0].transposed().exp() * v[0].transposed()).sum() }),
        ("slice", [[3, 6]], -1, 1, { v in (v[0].slice(axis: 1, start: 2, length: 3).pow(2)).sum() }),
        ("pad", [[2, 3]], -1, 1, { v in (v[0].padded(axis: 0, before: 1, after: 2).exp()).sum() }),
        ("concat", [[2, 3], [2, 2]], -1, 1, { v in (V.concat([v[0], v[1], v[0]], axis: 1).tanh() * 2.0).sum() }),
        ("gather rows", [[4, 3]], -1, 1, { v in (v[0].gatherRows([2, 0, 2, -1, 3]).pow(2)).sum() }),
        ("scatter add rows", [[3, 2]], -1, 1, { v in v[0].scatterAddRows([1, 1, 0], rows: 4).pow(3).sum() }),
        ("pick", [[3, 4]], -1, 1, { v in v[0].pick([3, -1, 0]).pow(2).sum() + v[0].sum() }),
        ("masked", [[3, 4]], -1, 1,
         { v in (v[0].masked(by: Tensor(shape: [1, 4], data: [1, 0, 1, 0])) * v[0]).sum() }),
        ("broadcast and sum to", [[3, 1]], -1, 1, { v in v[0].broadcast(to: [2, 3, 4]).tanh().sum() }),
    ]

    @Test(arguments: 0..<cases.count)
    func gradientMatchesCentralDifferences(_ index: Int) {
        let (name, shapes, low, high, f) = Self.cases[index]
        let inputs = shapes.enumerated().map { GradientCheck.tensor($0.element, seed: UInt64(index * 10 + $0.offset), low: low, high: high) }
        let err = GradientCheck.maxGradientError(inputs, f)
        #expect(err < Self.tol, "\(name): relative gradient error \(err)")
    }

    @Test(arguments: 0..<cases.count)
    func hessianVectorProductMatchesFiniteDifferences(_ index: Int) {
        let (name, shapes, low, high, f) = Self.cases[index]
        let inputs = shapes.enumerated().map { GradientCheck.tensor($0.element, seed: UInt64(index * 10 + $0.offset), low: low, high: high) }
        let err = GradientCheck.maxHVPError(inputs, f)
        #expect(err < Self.hvTol, "\(name): relative HVP error \(err)")
    }
}
