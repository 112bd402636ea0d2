import Foundation
import Testing
import Engine
import Support
@testable import Optimizers

/// The Jacobi eigensolver against hand-computed decompositions, and Shampoo against
/// hand-computed steps (all roots of diagonal or rank-one-plus-εI factors, so the
/// expected values are closed forms).
@Suite struct ShampooTests {
    /// f(x) = ⟨c, x⟩: the gradient is c everywhere.
    static func linear(_ c: [Double]) -> Oracle<Double> {
        Oracle<Double>(dimension: c.count, value: { x in zip(c, x).reduce(0) { $0 + $1.0 * $1.1 } },
                       valueAndGradient: { x in (zip(c, x).reduce(0) { $0 + $1.0 * $1.1 }, c) },
                       hessianVectorProduct: nil)
    }

    static func block(_ shape: [Int]) -> TensorBlocks { TensorBlocks([.init(name: "w", offset: 0, shape: shape, role: .weight)]) }

    /// Eigenpairs sorted by eigenvalue, eigenvectors with a positive first nonzero entry.
    static func sortedPairs(_ a: [Double], n: Int) -> [(Double, [Double])] {
        let (values, v) = SymmetricEigen.decompose(a, n: n)
        return (0..<n).map { j -> (Double, [Double]) in
            var col = (0..<n).map { v[$0 * n + j] }
            if let first = col.first(where: { abs($0) > 1e-12 }), first < 0 { col = col.map { -$0 } }
            return (values[j], col)
        }.sorted { $0.0 < $1.0 }
    }

    /// [[2, 1], [1, 2]]: λ = 1 with (1, −1)/√2 and λ = 3 with (1, 1)/√2.
    @Test func jacobiTwoByTwo() {
        let pairs = Self.sortedPairs([2, 1, 1, 2], n: 2)
        let r = 1 / 2.0.squareRoot()
        #expect(abs(pairs[0].0 - 1) <= 1e-15 && abs(pairs[1].0 - 3) <= 1e-15)
        #expect(maxDifference(pairs[0].1, [r, -r]) <= 1e-15 && maxDifference(pairs[1].1, [r, r]) <= 1e-15)
    }

    /// [[2, 0, 0], [0, 3, 4], [0, 4, 9]]: λ = 2 with e1; the block [[3, 4], [4, 9]] has
    /// trace 12 and determinant 11, so λ = 1 with (0, 2, −1)/√5 and λ = 11 with (0, 1, 2)/√5.
    @Test func jacobiThreeByThree() {
        let pairs = Self.sortedPairs([2, 0, 0, 0, 3, 4, 0, 4, 9], n: 3)
        let r = 1 / 5.0.squareRoot()
        #expect(maxDifference(pairs.map { $0.0 }, [1, 2, 11]) <= 1e-14)
        #expect(maxDifference(pairs[0].1, [0, 2 * r, -r]) <= 1e-14)
        #expect(maxDifference(pairs[1].1, [1, 0, 0]) <= 1e-14)
        #expect(maxDifference(pairs[2].1, [0, r, 2 * r]) <= 1e-14)
        // A dense 3 × 3, [[4, 1, 2], [1, 4, 2], [2, 2, 7]]: λ = 3 with (1, −1, 0)/√2; in the
        // orthonormal basis ((1, 1, 0)/√2, e3) of the rest it is [[5, 2√2], [2√2, 7]] with
        // trace 12 and determinant 27, so λ = 3 and 9; A (1, 1, 2) = (9, 9, 18).
        let dense = Self.sortedPairs([4, 1, 2, 1, 4, 2, 2, 2, 7], n: 3)
        #expect(maxDifference(dense.map { $0.0 }, [3, 3, 9]) <= 1e-13)
        let s6 = 1 / 6.0.squareRoot()
        #expect(maxDifference(dense[2].1, [s6, s6, 2 * s6]) <= 1e-13)
    }

    /// diag(16, 81)^(−1/4) = diag(1/2, 1/3); [[2, 1], [1, 2]]^(−1/4) =
    /// ½ (1, −1)(1, −1)ᵀ + ½ 3^(−1/4) (1, 1)(1, 1)ᵀ.
    @Test func inverseFourthRoots() {
        #expect(maxDifference(SymmetricEigen.inverseFourthRoot([16, 0, 0, 81], n: 2, floor: 1e-12), [0.5, 0, 0, 1.0 / 3]) <= 1e-15)
        let q = 1 / 3.0.squareRoot().squareRoot()
        let expected = [0.5 * (1 + q), 0.5 * (q - 1), 0.5 * (q - 1), 0.5 * (1 + q)]
        #expect(maxDifference(SymmetricEigen.inverseFourthRoot([2, 1, 1, 2], n: 2, floor: 1e-12), expected) <= 1e-15)
        // The floor: eigenvalue 0 of diag(0, 16) is raised to 1e-4, whose root is 10.
        #expect(maxDifference(SymmetricEigen.inverseFourthRoot([0, 0, 0, 16], n: 2, floor: 1e-4), [10, 0, 0, 0.5]) <= 1e-12)
    }

    /// Identity-structured factors: G = diag(2, −3) (a 2 × 2 tensor) every step,
    /// ε = 5, β1 = 0, lr = 1, no grafting. Step 1: L = R = diag(4, 9), so
    /// D = diag(2/√(4+5), −3/√(9+5)) = AdaGrad's g/√(g² + ε) on each entry.
    /// Step 2 (roots every step): L = R = diag(8, 18): D = diag(2/√13, −3/√23), again
    /// AdaGrad's accumulated scaling. With update_interval = 2 step 2 reuses step 1's roots.
    @Test func reducesToAdagradScalingWithDiagonalFactors() throws {
        let c = [2.0, 0, 0, -3]
        let opt = Shampoo<Double>(dimension: 4, lr: 1, beta1: 0, eps: 5, updateInterval: 1, graft: .none)
        opt.attach(Self.block([2, 2]))
        var x = [0.0, 0, 0, 0]
        _ = try opt.step(&x, oracle: Self.linear(c), iteration: 0)
        let step1 = [-2.0 / 3, 0, 0, 3 / 14.0.squareRoot()]
        #expect(maxDifference(x, step1) <= 1e-15)
        _ = try opt.step(&x, oracle: Self.linear(c), iteration: 1)
        #expect(maxDifference(x, [step1[0] - 2 / 13.0.squareRoot(), 0, 0, step1[3] + 3 / 23.0.squareRoot()]) <= 1e-15)

        let stale = Shampoo<Double>(dimension: 4, lr: 1, beta1: 0, eps: 5, updateInterval: 2, graft: .none)
        stale.attach(Self.block([2, 2]))
        var y = [0.0, 0, 0, 0]
        for t in 0..<2 { _ = try stale.step(&y, oracle: Self.linear(c), iteration: t) }
        #expect(maxDifference(y, step1.map { 2 * $0 }) <= 1e-15)
        // β2 = 0.5: L = 0.5 · diag(4, 9) on step 1 (w = 1 − β2): D = diag(2/√7, −3/√9.5).
        let decayed = Shampoo<Double>(dimension: 4, lr: 1, beta1: 0, beta2: 0.5, eps: 5, graft: .none)
        decayed.attach(Self.block([2, 2]))
        var z = [0.0, 0, 0, 0]
        _ = try decayed.step(&z, oracle: Self.linear(c), iteration: 0)
        #expect(maxDifference(z, [-2 / 7.0.squareRoot(), 0, 0, 3 / 9.5.squareRoot()]) <= 1e-15)
    }

    /// G = [[1, 1], [0, 0]], ε = 2: L + εI = diag(4, 2); R + εI = [[3, 1], [1, 3]] has
    /// (1, 1)/√2 with λ = 4, so the nonzero row (1, 1) = √2 u maps to 4^(−1/4)(1, 1) and
    /// the left root scales it by 4^(−1/4) again: D = G/2 (AdaGrad would give 1/√3 per entry).
    @Test func couplesEntriesThroughBothFactors() throws {
        let opt = Shampoo<Double>(dimension: 4, lr: 1, beta1: 0, eps: 2, graft: .none)
        opt.attach(Self.block([2, 2]))
        var x = [0.0, 0, 0, 0]
        _ = try opt.step(&x, oracle: Self.linear([1, 1, 0, 0]), iteration: 0)
        #expect(maxDifference(x, [-0.5, -0.5, 0, 0]) <= 1e-15)
    }

    /// max_preconditioner_dim = 2 on a 3 × 2 tensor G = [[1, 1], [0, 0], [0, 0]], ε = 2:
    /// no left factor; R + εI = [[3, 1], [1, 3]] as above, D = G R^(−1/4) = (1, 1)/√2 on
    /// the first row. With max_preconditioner_dim = 1 neither side fits and the diagonal
    /// gives g/√(g² + ε) = 1/√3.
    @Test func longSidesGetNoFactor() throws {
        let c = [1.0, 1, 0, 0, 0, 0]
        let oneSided = Shampoo<Double>(dimension: 6, lr: 1, beta1: 0, eps: 2, maxPreconditionerDim: 2, graft: .none)
        oneSided.attach(Self.block([3, 2]))
        var x = [Double](repeating: 0, count: 6)
        _ = try oneSided.step(&x, oracle: Self.linear(c), iteration: 0)
        let r = 1 / 2.0.squareRoot()
        #expect(maxDifference(x, [-r, -r, 0, 0, 0, 0]) <= 1e-15)
        let diagonal = Shampoo<Double>(dimension: 6, lr: 1, beta1: 0, eps: 2, maxPreconditionerDim: 1, graft: .none)
        diagonal.attach(Self.block([3, 2]))
        var y = [Double](repeating: 0, count: 6)
        _ = try diagonal.step(&y, oracle: Self.linear(c), iteration: 0)
        let s = 1 / 3.0.squareRoot()
        #expect(maxDifference(y, [-s, -s, 0, 0, 0, 0]) <= 1e-15)
    }

    /// Grafting per tensor, β1 = 0, graft_beta2 = 0, graft_eps = 0, so Adam's direction is
    /// sign(g). Weight [2, 2] with G = [[1, 1], [0, 0]], ε = 2: D = G/2, ‖D‖ = √2/2, Adam's
    /// norm √2, step = 2D = G. Bias (3, −4): D = (3/√11, −4/√18), ‖D‖ = 13/√99, Adam's norm
    /// √2, step = D √198/13 = (9√2/13, −4√11/13). lr = 0.1.
    @Test func graftsAdamsNormPerTensor() throws {
        let blocks = TensorBlocks([.init(name: "w", offset: 0, shape: [2, 2], role: .weight),
                                   .init(name: "b", offset: 4, shape: [2], role: .bias)])
        let opt = Shampoo<Double>(dimension: 6, lr: 0.1, beta1: 0, eps: 2, graft: .adam, graftBeta2: 0, graftEps: 0)
        opt.attach(blocks)
        var x = [Double](repeating: 0, count: 6)
        _ = try opt.step(&x, oracle: Self.linear([1, 1, 0, 0, 3, -4]), iteration: 0)
        let expected = [1.0, 1, 0, 0, 9 * 2.0.squareRoot() / 13, -4 * 11.0.squareRoot() / 13].map { -0.1 * $0 }
        #expect(maxDifference(x, expected) <= 1e-15)
    }

    /// Momentum: β1 = 0.5, constant g = 2 on a scalar, ε = 5, no grafting: M̂ = g at
    /// every step (bias correction), d = 4, 8: steps 2/3 and 2/√13.
    @Test func momentumIsBiasCorrected() throws {
        let opt = Shampoo<Double>(dimension: 1, lr: 1, beta1: 0.5, eps: 5, graft: .none)
        var x = [0.0]
        _ = try opt.step(&x, oracle: Self.linear([2]), iteration: 0)
        #expect(abs(x[0] + 2.0 / 3) <= 1e-15)
        _ = try opt.step(&x, oracle: Self.linear([2]), iteration: 1)
        #expect(abs(x[0] + 2.0 / 3 + 2 / 13.0.squareRoot()) <= 1e-15)
    }

    /// Two instances on the same problem with matrix tensors give bit-identical
    /// trajectories, in float64 and float32.
    @Test func isDeterministic() throws {
        let blocks = TensorBlocks([.init(name: "w", offset: 0, shape: [3, 4], role: .weight),
                                   .init(name: "b", offset: 12, shape: [4], role: .bias)])
        let d = (0..<16).map { 1 + Double(($0 * 7) % 5) }
        let p = DeepLearningSecondOrderTests.diagonal(d, (0..<16).map { Double($0 % 3) - 1 })
        func run<S: Scalar>(_: S.Type) throws -> [S] {
            let opt: any Optimizer<S> = try OptimizerRegistry.make(id: "shampoo", params: ["update_interval": .int(3)], dimension: 16)
            opt.attach(blocks)
            let oracle = Oracle<S>(dimension: 16, value: { S(p.value($0.map { Double($0) })) },
                                   valueAndGradient: { x in let xd = x.map { Double($0) }; return (S(p.value(xd)), p.gradient(xd).map { S($0) }) },
                                   hessianVectorProduct: nil)
            var x = [S](repeating: 0.5, count: 16)
            for t in 0..<20 { _ = try opt.step(&x, oracle: oracle, iteration: t) }
            return x
        }
        #expect(try run(Double.self) == run(Double.self))
        #expect(try run(Float.self) == run(Float.self))
        #expect(try run(Double.self) != [Double](repeating: 0.5, count: 16))
    }
}
