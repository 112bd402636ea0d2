import Testing
@testable import Optimizers

/// Textbook properties of the quasi-Newton methods on an n-dimensional strictly
/// convex quadratic f = ½ x'Ax - b'x (Nocedal and Wright, 2nd ed., ch. 6-7).
@Suite struct QuasiNewtonPropertyTests {
    let problem = Problems.quadratic4
    let a = Problems.quadraticMatrix
    var aInverse: [[Double]] { LinearAlgebra.inverse(a) }

    func matrix(_ m: DenseSymmetricMatrix<Double>) -> [[Double]] {
        (0..<m.dimension).map { i in (0..<m.dimension).map { j in m[i, j] } }
    }

    /// BFGS with exact line searches: conjugate directions, termination in at most
    /// n steps and H_n = A⁻¹ (N&W §6.1, "quadratic termination"; Theorem 6.1's
    /// argument applies to BFGS via the hereditary property H_{k+1} y_j = s_j).
    @Test func bfgsTerminatesInNStepsWithInverseHessian() throws {
        let bfgs = try BFGS<Double>(dimension: 4, lineSearch: ExactQuadraticLineSearch(a: a))
        let (x, _) = try run(bfgs, oracle: problem.oracle(), from: problem.start, maxSteps: 4)
        #expect(problem.distanceToMinimizer(x) <= 1e-10)
        #expect(LinearAlgebra.maxDifference(matrix(bfgs.inverseHessian), aInverse) <= 1e-10)
        #expect(bfgs.counters.skippedUpdates == 0 && bfgs.counters.dampedUpdates == 0)
    }

    /// DFP with exact line searches: the same finite termination and H_n = A⁻¹
    /// (N&W §6.1; Fletcher and Powell 1963).
    @Test func dfpTerminatesInNStepsWithInverseHessian() throws {
        let dfp = try DFP<Double>(dimension: 4, lineSearch: ExactQuadraticLineSearch(a: a))
        let (x, _) = try run(dfp, oracle: problem.oracle(), from: problem.start, maxSteps: 4)
        #expect(problem.distanceToMinimizer(x) <= 1e-10)
        #expect(LinearAlgebra.maxDifference(matrix(dfp.inverseHessian), aInverse) <= 1e-10)
    }

    /// N&W Theorem 6.1: SR1 with unit steps x+ = x - H g (no line search) and
    /// independent steps has H_n = A⁻¹ after n steps, so step n + 1 is the Newton step
    /// and lands on the minimizer.
    @Test func sr1UnitStepsRecoverInverseHessian() throws {
        let sr1 = try SR1<Double>(dimension: 4, lr: 1, lineSearch: FixedStep<Double>())
        var x = problem.start
        let oracle = problem.oracle()
        var steps: [[Double]] = []
        for t in 0..<4 {
            let before = x
            _ = try sr1.step(&x, oracle: oracle, iteration: t)
            steps.append(zip(x, before).map { $0 - $1 })
        }
        // y comes from differences of gradients of size ~100, so roundoff enters at ~1e-14 and SR1 amplifies it.
        #expect(LinearAlgebra.maxDifference(matrix(sr1.inverseHessianApproximation!), aInverse) <= 1e-8)
        #expect(sr1.counters.skippedUpdates == 0)
        // The four steps are linearly independent: their Gram matrix is well conditioned enough to invert.
        let gram = steps.map { u in steps.map { LinearAlgebra.dot(u, $0) } }
        let product = LinearAlgebra.inverse(gram).map { LinearAlgebra.multiply(gram, $0) }
        #expect(LinearAlgebra.maxDifference(product, (0..<4).map { i in (0..<4).map { $0 == i ? 1.0 : 0.0 } }) <= 1e-6)
        _ = try sr1.step(&x, oracle: oracle, iteration: 4)
        #expect(problem.distanceToMinimizer(x) <= 1e-8)
    }

    /// SR1's hereditary property holds for any independent steps (N&W eq. 6.24-6.25,
    /// Theorem 6.1's proof): after n pairs (s_k, A s_k), B = A and H = A⁻¹.
    @Test func sr1UpdatesRecoverMatricesFromArbitraryIndependentSteps() {
        let steps: [[Double]] = [[1, 0.2, -0.3, 0.1], [0.4, -1, 0.5, 0.2], [-0.2, 0.3, 1.5, -0.7], [0.3, 0.1, 0.2, 2]]
        var b = DenseSR1Update<Double>(dimension: 4, inverse: false, skipThreshold: 1e-8)
        var h = DenseSR1Update<Double>(dimension: 4, inverse: true, skipThreshold: 1e-8)
        for s in steps {
            let y = LinearAlgebra.multiply(a, s)
            #expect(b.add(s: s, y: y) == .accepted)
            #expect(h.add(s: s, y: y) == .accepted)
        }
        #expect(LinearAlgebra.maxDifference(matrix(b.matrix), a) <= 1e-10)
        #expect(LinearAlgebra.maxDifference(matrix(h.matrix), aInverse) <= 1e-10)
    }

    /// With exact line searches on a quadratic, L-BFGS with memory >= n generates the
    /// same iterates as BFGS (Nocedal 1980; Kolda, O'Leary and Nazareth 1998: scaling
    /// H0 by a scalar does not change the iterates).
    @Test func lbfgsWithFullMemoryMatchesBFGS() throws {
        let bfgs = try BFGS<Double>(dimension: 4, lineSearch: ExactQuadraticLineSearch(a: a))
        let lbfgs = LBFGS<Double>(dimension: 4, history: 4, lineSearch: ExactQuadraticLineSearch(a: a))
        var xb = problem.start, xl = problem.start
        let ob = problem.oracle(), ol = problem.oracle()
        for t in 0..<4 {
            _ = try bfgs.step(&xb, oracle: ob, iteration: t)
            _ = try lbfgs.step(&xl, oracle: ol, iteration: t)
            #expect(maxDifference(xb, xl) <= 1e-10, "iterate \(t + 1): \(xb) vs \(xl)")
        }
    }

    /// The two-loop recursion (N&W Algorithm 7.4) equals -H g with H built by m
    /// explicit BFGS updates (eq. 6.17) of H0 = γ I, γ = s'y / y'y of the newest pair.
    @Test func twoLoopRecursionEqualsExplicitBFGSMatrix() {
        let pairs: [([Double], [Double])] = [
            ([1, 0.5, -0.2], [2, 0.7, 0.1]), ([0.3, -1, 0.4], [0.2, -1.5, 0.9]), ([-0.5, 0.2, 1], [-0.3, 0.1, 2.2]),
        ]
        var memory = LBFGSMemory<Double>(capacity: 3, policy: .skip)
        for (s, y) in pairs { _ = memory.update(s: s, y: y, gradient: [0, 0, 0], step: 1) }
        let (sl, yl) = pairs.last!
        let gamma = LinearAlgebra.dot(sl, yl) / LinearAlgebra.dot(yl, yl)
        var h = (0..<3).map { i in (0..<3).map { j in i == j ? gamma : 0.0 } }
        for (s, y) in pairs {
            let rho = 1 / LinearAlgebra.dot(s, y)
            let left = (0..<3).map { i in (0..<3).map { j in (i == j ? 1.0 : 0.0) - rho * s[i] * y[j] } }
            let right = (0..<3).map { i in (0..<3).map { j in (i == j ? 1.0 : 0.0) - rho * y[i] * s[j] } }
            let lh = (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(0.0) { $0 + left[i][$1] * h[$1][j] } } }
            h = (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(0.0) { $0 + lh[i][$1] * right[$1][j] } + rho * s[i] * s[j] } }
        }
        let g = [0.3, -0.7, 1.1]
        let expected = LinearAlgebra.multiply(h, g).map { -$0 }
        #expect(maxDifference(memory.direction(g), expected) <= 1e-12)
    }

    /// The compact L-SR1 representation (Byrd, Nocedal and Schnabel 1994) equals the
    /// dense SR1 matrix built from the same pairs, in both the B and the H form.
    @Test func compactSR1EqualsDenseSR1() {
        let pairs: [([Double], [Double])] = [
            ([1, 0.5, -0.2], [2, 0.7, 0.1]), ([0.3, -1, 0.4], [0.2, -1.5, 0.9]), ([-0.5, 0.2, 1], [-0.3, 0.1, 2.2]),
        ]
        for inverse in [false, true] {
            var compact = CompactSR1<Double>(capacity: 5, inverse: inverse, skipThreshold: 1e-8)
            var dense = DenseSR1Update<Double>(dimension: 3, inverse: inverse, skipThreshold: 1e-8)
            for (s, y) in pairs {
                #expect(compact.add(s: s, y: y) == dense.add(s: s, y: y))
            }
            for v in [[1.0, 0, 0], [0, 1, 0], [0, 0, 1], [0.3, -0.2, 0.9]] {
                #expect(maxDifference(compact.apply(v), dense.matrix.multiply(v)) <= 1e-12, "inverse = \(inverse)")
            }
        }
    }

    /// Undamped Newton-CG with CG run to convergence solves a quadratic in one outer
    /// step (N&W §7.1: the Newton step is exact for a quadratic).
    @Test func newtonCGSolvesQuadraticInOneStep() throws {
        let newton = NewtonCG<Double>(dimension: 4, damping: 0, cgMaxIterations: 10, cgTolerance: 1e-13)
        var x = problem.start
        let report = try newton.step(&x, oracle: problem.oracle(), iteration: 0)
        #expect(problem.distanceToMinimizer(x) <= 1e-10)
        #expect(report.learningRate == 1)
        #expect(report.cgIterations <= 4)
    }

    /// Martens' rule: on a quadratic the model is exact, ρ = 1 > 3/4, so λ shrinks by 2/3.
    @Test func newtonCGDampingShrinksWhenModelIsExact() throws {
        let newton = NewtonCG<Double>(dimension: 4, damping: 1)
        var x = problem.start
        let report = try newton.step(&x, oracle: problem.oracle(), iteration: 0)
        #expect(abs(report.damping! - 2.0 / 3.0) <= 1e-15)
        #expect(report.moved)
    }
}
