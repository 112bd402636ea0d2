import Foundation
import Testing
import Support
@testable import Optimizers

/// `TensorBlocks` and the methods that use it (`seed_rank1` per tensor, AdaHessian's
/// per-tensor spatial averaging); expected values computed by hand.
@Suite struct TensorBlocksTests {
    /// weight [2, 2] at 0, bias [2] at 4: the flat vector of a 2-in 2-out Linear layer.
    static let linear = TensorBlocks([
        .init(name: "fc.weight", offset: 0, shape: [2, 2], role: .weight),
        .init(name: "fc.bias", offset: 4, shape: [2], role: .bias),
    ])

    @Test func blocksDescribeTheLayout() {
        let b = Self.linear
        #expect(b.dimension == 6)
        #expect(b.blocks[0].range == 0..<4 && b.blocks[0].isMatrix && b.blocks[0].matrixShape == (2, 2))
        #expect(b.blocks[1].range == 4..<6 && !b.blocks[1].isMatrix && b.blocks[1].matrixShape == (1, 2))
        let conv = TensorBlocks.Block(name: "k", offset: 0, shape: [3, 2, 5], role: .weight)
        #expect(conv.count == 30 && conv.matrixShape == (3, 10))
        #expect(TensorBlocks.flat(7).blocks == [.init(name: "x", offset: 0, shape: [7], role: .point)])
    }

    /// Methods that ignore the structure give identical numbers attached or not.
    @Test func attachingDoesNotChangeOtherMethods() throws {
        let p = DeepLearningSecondOrderTests.diagonal([1, 3, 2, 6, 4, 5], [1, -1, 2, 0, 1, 3])
        for id in ["sgd", "adam", "lbfgs", "sophia"] {
            let a: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 6)
            let b: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 6)
            b.attach(Self.linear)
            var x = p.start, y = p.start
            for t in 0..<3 {
                _ = try a.step(&x, oracle: p.oracle(fullBatch: false), iteration: t)
                _ = try b.step(&y, oracle: p.oracle(fullBatch: false), iteration: t)
            }
            #expect(x == y, "\(id)")
        }
    }

    /// Attached, seed_rank1 updates only tensors with more than one dimension, each
    /// by its own norm: weight (3, 4, 0, 0) has norm 5 ≥ 1 → ×0.9 = (2.7, 3.6, 0, 0);
    /// the bias (7, 0.3) is left alone. Unattached the whole vector (norm √74.09 ≥ 1)
    /// is multiplied by 0.9.
    @Test func seedRank1ActsPerMatrixTensor() throws {
        let attached = SeedRank1<Double>(dimension: 6, lr: 0.1)
        attached.attach(Self.linear)
        var x = [3.0, 4, 0, 0, 7, 0.3]
        _ = try attached.step(&x, oracle: SeedRank1Tests.forbiddenOracle(6), iteration: 0)
        #expect(maxDifference(x, [2.7, 3.6, 0, 0, 7, 0.3]) <= 1e-15)
        let flat = SeedRank1<Double>(dimension: 6, lr: 0.1)
        var y = [3.0, 4, 0, 0, 7, 0.3]
        _ = try flat.step(&y, oracle: SeedRank1Tests.forbiddenOracle(6), iteration: 0)
        #expect(maxDifference(y, [2.7, 3.6, 0, 0, 6.3, 0.27]) <= 1e-15)
        // A test function's point is one tensor: shrunk as a whole.
        let point = SeedRank1<Double>(dimension: 2, lr: 0.1)
        point.attach(.flat(2))
        var z = [3.0, 4.0]
        _ = try point.step(&z, oracle: SeedRank1Tests.forbiddenOracle(2), iteration: 0)
        #expect(maxDifference(z, [2.7, 3.6]) <= 1e-15)
    }

    /// f = ½ Σ d_i (x_i − 1)², d = (1, 3, 2, 6, 4, 5), x0 = 0, so g = −d; one Rademacher
    /// product gives D = d exactly; lr = 1, ε = 0, first step x = −g / |D^(s)|.
    /// Attached, block 3: the weight rows (1, 3) and (2, 6) average to (2, 2), (4, 4)
    /// (blocks stop at the row end); the bias (4, 5) is not averaged:
    /// x = (1/2, 3/2, 2/4, 6/4, 1, 1). Unattached, blocks of the flat vector:
    /// (1, 3, 2) → 2 and (6, 4, 5) → 5: x = (1/2, 3/2, 1, 6/5, 4/5, 1).
    @Test func adahessianAveragesPerTensorRow() throws {
        let p = DeepLearningSecondOrderTests.diagonal([1, 3, 2, 6, 4, 5], [1, 1, 1, 1, 1, 1])
        let attached = AdaHessian<Double>(dimension: 6, lr: 1, eps: 0, blockSize: 3)
        attached.attach(Self.linear)
        var x = p.start
        _ = try attached.step(&x, oracle: p.oracle(fullBatch: false), iteration: 0)
        #expect(maxDifference(x, [0.5, 1.5, 0.5, 1.5, 1, 1]) <= 1e-15)
        let flat = AdaHessian<Double>(dimension: 6, lr: 1, eps: 0, blockSize: 3)
        var y = p.start
        _ = try flat.step(&y, oracle: p.oracle(fullBatch: false), iteration: 0)
        #expect(maxDifference(y, [0.5, 1.5, 1, 1.2, 0.8, 1]) <= 1e-15)
    }
}
