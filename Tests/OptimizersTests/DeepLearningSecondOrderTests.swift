import Foundation
import Testing
import Support
@testable import Optimizers

/// Reference trajectories for the deep-learning second-order methods of issue 19,
/// computed by hand (arithmetic written out) or by dense-matrix formulas written
/// here independently of the optimizers' code.
@Suite struct DeepLearningSecondOrderTests {
    /// f = ½ Σ d_i (x_i − c_i)²: gradient d ⊙ (x − c), Hessian diag(d).
    static func diagonal(_ d: [Double], _ c: [Double]) -> TestProblem {
        let a = d.indices.map { i in d.indices.map { j in i == j ? d[i] : 0 } }
        let b = zip(d, c).map { $0 * $1 }
        return Problems.quadratic(a, b, start: [Double](repeating: 0, count: d.count), minimizer: c)
    }

    /// f = ½ x'Ax with A = [[3, 1], [1, 2]].
    static let twoD = Problems.quadratic([[3, 1], [1, 2]], [0, 0], start: [1, 1], minimizer: [0, 0])

    // MARK: dense helpers (test-only)

    static func outer(_ a: [Double], _ b: [Double]) -> [[Double]] { a.map { ai in b.map { ai * $0 } } }
    static func mm(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in b[0].indices.map { j in row.indices.reduce(0) { $0 + row[$1] * b[$1][j] } } }
    }
    static func transpose(_ a: [[Double]]) -> [[Double]] { a[0].indices.map { j in a.map { $0[j] } } }
    static func add(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] { zip(a, b).map { zip($0, $1).map { $0 + $1 } } }
    static func scaled(_ a: [[Double]], _ c: Double) -> [[Double]] { a.map { $0.map { $0 * c } } }
    static func identity(_ n: Int) -> [[Double]] { (0..<n).map { i in (0..<n).map { i == $0 ? 1 : 0 } } }

    /// The inverse-Hessian approximation of L-BFGS in dense form: start from γI and
    /// apply H ← V'HV + ρ s s', V = I − ρ y s', ρ = 1 / y's, over the pairs oldest
    /// first (Nocedal and Wright eq. 7.19, equivalent to the two-loop recursion).
    static func denseInverse(pairs: [(s: [Double], y: [Double])], gamma: Double) -> [[Double]] {
        let n = pairs[0].s.count
        var h = scaled(identity(n), gamma)
        for (s, y) in pairs {
            let rho = 1 / LinearAlgebra.dot(y, s)
            let v = add(identity(n), scaled(outer(y, s), -rho))
            h = add(mm(mm(transpose(v), h), v), scaled(outer(s, s), rho))
        }
        return h
    }

    static func hvOracle(_ p: TestProblem) -> Oracle<Double> { p.oracle(fullBatch: false) }

    // MARK: AdaHessian

    /// One Rademacher product gives the exact diagonal of a diagonal Hessian, so
    /// with lr = 1, ε = 0 the first step (m̂ = g, √v̂ = |diag H|) is the Newton step.
    @Test func adahessianTakesTheNewtonStepOnADiagonalQuadratic() throws {
        let p = Self.diagonal([4, 1, 0.25], [1, -2, 3])
        let opt = AdaHessian<Double>(dimension: 3, lr: 1, eps: 0)
        let oracle = Self.hvOracle(p)
        var x = p.start
        _ = try opt.step(&x, oracle: oracle, iteration: 0)
        #expect(maxDifference(x, [1, -2, 3]) <= 1e-14)
        #expect(oracle.hessianVectorEvaluations == 1 && opt.counters.hessianVectorProducts == 1)
    }

    /// By hand, f = x², d = 2, x0 = 1, lr = 0.5, β1 = β2 = 0.5, ε = 0:
    /// step 1: g = 2, m = 1, v = 2, m̂ = 1/0.5 = 2, √(v/0.5) = 2, x = 1 − 0.5·2/2 = 0.5;
    /// step 2: g = 1, m = 0.5 + 0.5 = 1, v = 1 + 2 = 3, m̂ = 1/0.75, √(3/0.75) = 2,
    /// x = 0.5 − 0.5·(4/3)/2 = 1/6.
    @Test func adahessianTwoStepsByHand() throws {
        let p = Self.diagonal([2], [0])
        let opt = AdaHessian<Double>(dimension: 1, lr: 0.5, beta1: 0.5, beta2: 0.5, eps: 0)
        let oracle = Self.hvOracle(p)
        var x = [1.0]
        _ = try opt.step(&x, oracle: oracle, iteration: 0)
        #expect(abs(x[0] - 0.5) <= 1e-15)
        _ = try opt.step(&x, oracle: oracle, iteration: 1)
        #expect(abs(x[0] - 1.0 / 6) <= 1e-15)
    }

    /// Hessian power k = ½: d = 4, x0 = 1, lr = 1, ε = 0: x = 1 − 4 / 4^½ = −1.
    /// Block averaging: d = (4, 2), block 2: D^(s) = (3, 3), x0 = (1, 1), g = (4, 2):
    /// x = (1 − 4/3, 1 − 2/3).
    @Test func adahessianPowerAndBlockAveraging() throws {
        let p = Self.diagonal([4], [0])
        let half = AdaHessian<Double>(dimension: 1, lr: 1, eps: 0, hessianPower: 0.5)
        var x = [1.0]
        _ = try half.step(&x, oracle: Self.hvOracle(p), iteration: 0)
        #expect(abs(x[0] + 1) <= 1e-12)
        let q = Self.diagonal([4, 2], [0, 0])
        let block = AdaHessian<Double>(dimension: 2, lr: 1, eps: 0, blockSize: 2)
        var y = [1.0, 1.0]
        _ = try block.step(&y, oracle: Self.hvOracle(q), iteration: 0)
        #expect(maxDifference(y, [-1.0 / 3, 1.0 / 3]) <= 1e-15)
    }

    // MARK: Sophia

    /// By hand, d = (4, 1), x0 = (0.25, 1), lr = 0.1, β1 = 0, β2 = 0.5, γ = 1, k = 1:
    /// step 1: g = (1, 1), h = 0.5 d = (2, 0.5), m/h = (0.5, 2) → clip (0.5, 1),
    /// x = (0.2, 0.9); step 2: g = (0.8, 0.9), h = 0.5 (2, 0.5) + 0.5 (4, 1) = (3, 0.75),
    /// m/h = (0.8/3, 1.2) → (0.8/3, 1), x = (0.2 − 0.08/3, 0.8).
    /// With k = 2 step 2 keeps h = (2, 0.5): m/h = (0.4, 1.8) → (0.4, 1), x = (0.16, 0.8).
    @Test func sophiaTwoStepsByHand() throws {
        let p = Self.diagonal([4, 1], [0, 0])
        for (k, expected) in [(1, [0.2 - 0.08 / 3, 0.8]), (2, [0.16, 0.8])] {
            let opt = Sophia<Double>(dimension: 2, lr: 0.1, beta1: 0, beta2: 0.5, rho: 1, interval: k)
            let oracle = Self.hvOracle(p)
            var x = [0.25, 1.0]
            _ = try opt.step(&x, oracle: oracle, iteration: 0)
            #expect(maxDifference(x, [0.2, 0.9]) <= 1e-15)
            _ = try opt.step(&x, oracle: oracle, iteration: 1)
            #expect(maxDifference(x, expected) <= 1e-15, "k = \(k)")
            _ = try opt.step(&x, oracle: oracle, iteration: 2)
            #expect(oracle.hessianVectorEvaluations == (k == 1 ? 3 : 2))
        }
    }

    /// Weight decay first: x = (0.25, 1) − 0.1·0.5 x = (0.2375, 0.95), then the clipped
    /// step (0.5, 1)·0.1: (0.1875, 0.85). Negative curvature: f = −½ x², x0 = 1:
    /// g = −1, h = −0.5, max(γh, ε) = ε, clip(−1/ε) = −1, x = 1 + lr = 1.1.
    @Test func sophiaWeightDecayAndNegativeCurvature() throws {
        let p = Self.diagonal([4, 1], [0, 0])
        let opt = Sophia<Double>(dimension: 2, lr: 0.1, beta1: 0, beta2: 0.5, rho: 1, interval: 1, weightDecay: 0.5)
        var x = [0.25, 1.0]
        _ = try opt.step(&x, oracle: Self.hvOracle(p), iteration: 0)
        #expect(maxDifference(x, [0.1875, 0.85]) <= 1e-15)
        let concave = Problems.quadratic([[-1]], [0], start: [1], minimizer: [0])
        let neg = Sophia<Double>(dimension: 1, lr: 0.1, beta1: 0, beta2: 0.5, rho: 1, interval: 1)
        var z = [1.0]
        _ = try neg.step(&z, oracle: Self.hvOracle(concave), iteration: 0)
        #expect(abs(z[0] - 1.1) <= 1e-15)
    }

    // MARK: oLBFGS

    /// With a constant batch oLBFGS is L-BFGS with the fixed steps η_t = τ/(τ + t) η0,
    /// H0 the average of s'y/y'y, and pairs y = Δg + λ s. Step 0 by hand on
    /// A = [[3, 1], [1, 2]], x0 = (1, 1), ε = 0.2, η0 = 0.5, τ = 2, λ = 0.1:
    /// g0 = (4, 3), p0 = −0.2 g0 = (−0.8, −0.6), η = 0.5, s0 = (−0.4, −0.3),
    /// x1 = (0.6, 0.7), y0 = A s0 + 0.1 s0 = (−1.54, −1.03). Later steps from the dense
    /// inverse formula.
    @Test func olbfgsWithAConstantBatchIsLBFGSWithFixedSteps() throws {
        let p = Self.twoD
        let a = [[3.0, 1], [1, 2]]
        let opt = OnlineLBFGS<Double>(dimension: 2, eta0: 0.5, tau: 2, lambda: 0.1, history: 2, initialScale: 0.2)
        let oracle = Self.hvOracle(p)
        var x = [1.0, 1.0]
        _ = try opt.step(&x, oracle: oracle, iteration: 0)
        #expect(maxDifference(x, [0.6, 0.7]) <= 1e-15)
        let pair0 = opt.curvaturePairs[0]
        #expect(maxDifference(pair0.s, [-0.4, -0.3]) <= 1e-15 && maxDifference(pair0.y, [-1.54, -1.03]) <= 1e-14)

        var ref = [0.6, 0.7]
        var pairs: [(s: [Double], y: [Double])] = [(s: [-0.4, -0.3], y: [-1.54, -1.03])]
        for t in 1..<6 {
            let g = LinearAlgebra.multiply(a, ref)
            let gamma = pairs.map { LinearAlgebra.dot($0.s, $0.y) / LinearAlgebra.dot($0.y, $0.y) }.reduce(0, +) / Double(pairs.count)
            let h = Self.denseInverse(pairs: pairs, gamma: gamma)
            let eta = 2.0 / (2.0 + Double(t)) * 0.5
            let s = LinearAlgebra.multiply(h, g).map { -eta * $0 }
            let next = zip(ref, s).map { $0 + $1 }
            let y = zip(LinearAlgebra.multiply(a, next), g).map { $0 - $1 }.enumerated().map { $0.element + 0.1 * s[$0.offset] }
            pairs.append((s: s, y: y))
            if pairs.count > 2 { pairs.removeFirst() }
            ref = next
            _ = try opt.step(&x, oracle: oracle, iteration: t)
            #expect(maxDifference(x, ref) <= 1e-12, "step \(t): \(x) vs \(ref)")
        }
        // Two gradients per step, both on the step's batch.
        #expect(oracle.gradientEvaluations == 12 && oracle.hessianVectorEvaluations == 0)
        #expect(opt.counters.curvaturePairs == 6)
    }

    // MARK: SQN

    /// Byrd et al. Algorithm 1 written out with dense matrices: SGD steps until the
    /// first pair, then x − α H g; every L steps the average of the last L iterates
    /// and the pair s = x̄_t − x̄_{t−1}, y = A s.
    @Test(arguments: [1, 2, 3])
    func sqnMatchesTheAlgorithmWithDenseMatrices(interval: Int) throws {
        let a = [[3.0, 1], [1, 2]]
        let alpha = 0.1
        let opt = SQN<Double>(dimension: 2, lr: alpha, history: 3, updateInterval: interval)
        let oracle = Self.hvOracle(Self.twoD)
        var x = [1.0, 1.0], ref = [1.0, 1.0]
        var sum = [0.0, 0.0]
        var previous: [Double]? = nil
        var pairs: [(s: [Double], y: [Double])] = []
        for k in 1...12 {
            let g = LinearAlgebra.multiply(a, ref)
            sum = zip(sum, ref).map { $0 + $1 }
            let d: [Double]
            if let last = pairs.last {
                let gamma = LinearAlgebra.dot(last.s, last.y) / LinearAlgebra.dot(last.y, last.y)
                d = LinearAlgebra.multiply(Self.denseInverse(pairs: pairs, gamma: gamma), g)
            } else {
                d = g
            }
            ref = zip(ref, d).map { $0 - alpha * $1 }
            if k % interval == 0 {
                let avg = sum.map { $0 / Double(interval) }
                if let prev = previous {
                    let s = zip(avg, prev).map { $0 - $1 }
                    pairs.append((s: s, y: LinearAlgebra.multiply(a, s)))
                    if pairs.count > 3 { pairs.removeFirst() }
                }
                previous = avg
                sum = [0, 0]
            }
            _ = try opt.step(&x, oracle: oracle, iteration: k - 1)
            #expect(maxDifference(x, ref) <= 1e-13, "L = \(interval), k = \(k)")
        }
        #expect(oracle.hessianVectorEvaluations == 12 / interval - 1)
        #expect(opt.counters.curvaturePairs == 12 / interval - 1)
        #expect(opt.counters.hessianVectorProducts == 12 / interval - 1)
    }

    // MARK: Hessian-free

    /// Diagonal d = (4, 1), minimizer c = (1, −2), x0 = 0, λ = 0.5. Two CG iterations
    /// solve the damped 2-D system exactly: p = −g / (d + λ) with g = (−4, 2), so
    /// x1 = (4/4.5, −2/1.5) = (8/9, −4/3); on a quadratic ρ = 1 > 3/4, so λ ← 2λ/3 = 1/3.
    /// Step 2 (warm start from 0.95 p): g = (−4/9, 2/3), x2 = x1 − g / (d + 1/3) =
    /// (8/9 + 4/39, −4/3 − 1/2), λ = 2/9.
    @Test func hessianFreeDampedNewtonStepsAndDampingByHand() throws {
        let p = Self.diagonal([4, 1], [1, -2])
        let opt = HessianFree<Double>(dimension: 2, damping: 0.5, cgMaxIterations: 2)
        let oracle = Self.hvOracle(p)
        var x = [0.0, 0.0]
        let r1 = try opt.step(&x, oracle: oracle, iteration: 0)
        #expect(maxDifference(x, [8.0 / 9, -4.0 / 3]) <= 1e-14)
        #expect(abs(opt.damping - 1.0 / 3) <= 1e-15 && r1.cgIterations == 2 && r1.hessianVectorProducts == 2)
        let r2 = try opt.step(&x, oracle: oracle, iteration: 1)
        #expect(maxDifference(x, [8.0 / 9 + 4.0 / 39, -4.0 / 3 - 0.5]) <= 1e-14)
        #expect(abs(opt.damping - 2.0 / 9) <= 1e-15 && r2.hessianVectorProducts == 3)
    }

    /// f = x⁴ with a Hessian product that under-states the curvature (0.1 f''): from
    /// x0 = 1, λ = 1, p = −4 / (1.2 + 1); f(1 + p) = 0.448 < 1 is accepted, but
    /// ρ = (f(1 + p) − 1) / (4p + ½ 1.2 p²) ≈ 0.10 < 1/4, so λ ← 3/2.
    @Test func hessianFreeRaisesDampingOnAPoorModel() throws {
        let oracle = Oracle<Double>(dimension: 1, value: { $0[0] * $0[0] * $0[0] * $0[0] },
                                    valueAndGradient: { x in (pow(x[0], 4), [4 * pow(x[0], 3)]) },
                                    hessianVectorProduct: { x, v in [0.1 * 12 * x[0] * x[0] * v[0]] })
        let opt = HessianFree<Double>(dimension: 1, damping: 1, cgMaxIterations: 1)
        var x = [1.0]
        _ = try opt.step(&x, oracle: oracle, iteration: 0)
        let step = -4 / 2.2
        #expect(abs(x[0] - (1 + step)) <= 1e-15)
        let rho = (pow(1 + step, 4) - 1) / (4 * step + 0.6 * step * step)
        #expect(rho < 0.25)
        #expect(opt.damping == 1.5)
    }

    /// CG backtracking (Martens §4.6): true f = ½‖x − (1, 1)‖² but the curvature
    /// products use M = diag(1, 0.01), so the final CG iterate p2 = −M⁻¹g = (1, 100)
    /// overshoots (f = 4900.5) while the first, p1 = (2/1.01)(1, 1) (α = r'r / d'Md =
    /// 2/1.01 along d = −g = (1, 1)), has f = 0.98² = 0.9604 < f(0) = 1: backtracking
    /// keeps p1 after two value evaluations.
    @Test func hessianFreeBacktracksOverCGIterates() throws {
        let oracle = Oracle<Double>(dimension: 2,
                                    value: { x in 0.5 * ((x[0] - 1) * (x[0] - 1) + (x[1] - 1) * (x[1] - 1)) },
                                    valueAndGradient: { x in (0.5 * ((x[0] - 1) * (x[0] - 1) + (x[1] - 1) * (x[1] - 1)), [x[0] - 1, x[1] - 1]) },
                                    hessianVectorProduct: { _, v in [v[0], 0.01 * v[1]] })
        let opt = HessianFree<Double>(dimension: 2, damping: 0, cgMaxIterations: 2)
        var x = [0.0, 0.0]
        let r = try opt.step(&x, oracle: oracle, iteration: 0)
        #expect(maxDifference(x, [2 / 1.01, 2 / 1.01]) <= 1e-14)
        #expect(r.cgIterations == 2 && r.lineSearchEvaluations == 2 && oracle.functionEvaluations == 3)
        #expect(r.moved && abs(r.newValue! - 0.5 * 2 * (2 / 1.01 - 1) * (2 / 1.01 - 1)) <= 1e-14)
    }

    /// Hutchinson with many Rademacher samples approaches diag(A) of a non-diagonal
    /// matrix (variance Σ_{j≠i} A_ij² per sample), and the vectors depend only on
    /// (seed, step): equal keys give equal estimates, another seed another one.
    @Test func hutchinsonIsKeyedAndUnbiased() {
        let p = Problems.quadratic4
        let oracle = p.oracle(fullBatch: false)
        let d: [Double] = HutchinsonDiagonal.estimate(oracle: oracle, at: p.start, samples: 4000, seed: 3, purpose: "t", iteration: 7)
        #expect(maxDifference(d, [10, 6, 4, 1]) <= 0.15, "\(d)")
        let a: [Double] = HutchinsonDiagonal.estimate(oracle: oracle, at: p.start, samples: 1, seed: 3, purpose: "t", iteration: 7)
        let b: [Double] = HutchinsonDiagonal.estimate(oracle: oracle, at: p.start, samples: 1, seed: 3, purpose: "t", iteration: 7)
        #expect(a == b)
        let others: [[Double]] = (0..<8).map {
            HutchinsonDiagonal.estimate(oracle: oracle, at: p.start, samples: 1, seed: 4 + $0, purpose: "t", iteration: 7)
        }
        #expect(others.contains { $0 != a })
    }

    // MARK: common

    @Test(arguments: ["adahessian", "sophia", "sqn", "hessian_free"])
    func needsHessianVectorProducts(id: String) throws {
        let opt: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 2)
        var x = [1.0, 1.0]
        #expect(throws: OptimizerError.hessianVectorProductsUnavailable(optimizer: id)) {
            _ = try opt.step(&x, oracle: Self.twoD.oracle(withHessian: false), iteration: 0)
        }
    }

    @Test func declaredDefaultsAreThePapers() throws {
        func d(_ id: String) throws -> [String: ParamValue] { try OptimizerRegistry.declaration(id: id).defaults }
        let ada = try d("adahessian")
        #expect(ada["lr"] == .double(0.15) && ada["beta1"] == .double(0.9) && ada["beta2"] == .double(0.999)
                && ada["eps"] == .double(1e-4) && ada["hessian_power"] == .double(1))
        let sophia = try d("sophia")
        #expect(sophia["beta1"] == .double(0.965) && sophia["beta2"] == .double(0.99) && sophia["rho"] == .double(0.01)
                && sophia["k"] == .int(10) && sophia["weight_decay"] == .double(0))
        for id in ["adahessian", "sophia", "hessian_free"] {
            #expect(try OptimizerRegistry.declaration(id: id).family == .secondOrder)
        }
        for id in ["olbfgs", "sqn"] { #expect(try OptimizerRegistry.declaration(id: id).family == .quasiNewton) }
        #expect(try OptimizerRegistry.declaration(id: "seed_rank1").family == .firstOrder)
    }
}
