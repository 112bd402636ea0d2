import Testing
@testable import Optimizers

/// Mini-batch use: each step evaluates on the batch current during that step, both
/// gradients of a curvature pair come from that batch, and every event is counted.
@Suite struct StochasticUseTests {
    /// f_B(x) = ½ Σ c_B,i (x_i - m_B,i)² for batch B ∈ {0, 1}; the trainer switches
    /// `batch.current` between steps.
    final class Batches: @unchecked Sendable {
        var current = 0
        let curvature = [[1.0, 3.0, 0.5], [2.0, 0.7, 1.5]]
        let centre = [[1.0, -1.0, 2.0], [0.5, 0.0, 1.0]]
        func gradient(_ x: [Double], batch b: Int) -> [Double] { (0..<3).map { curvature[b][$0] * (x[$0] - centre[b][$0]) } }
        func value(_ x: [Double], batch b: Int) -> Double {
            var f = 0.0
            for i in 0..<3 {
                let d = x[i] - centre[b][i]
                f += 0.5 * curvature[b][i] * d * d
            }
            return f
        }
        func oracle() -> Oracle<Double> {
            Oracle(dimension: 3, value: { self.value($0, batch: self.current) },
                   valueAndGradient: { (self.value($0, batch: self.current), self.gradient($0, batch: self.current)) },
                   hessianVectorProduct: { _, v in (0..<3).map { self.curvature[self.current][$0] * v[$0] } })
        }
    }

    @Test func lbfgsPairsUseOneBatchForBothGradients() throws {
        let batches = Batches()
        let oracle = batches.oracle()
        let lbfgs = LBFGS<Double>(dimension: 3, history: 5)
        var x = [0.0, 0.0, 0.0]
        for t in 0..<4 {
            batches.current = t % 2
            let before = x
            _ = try lbfgs.step(&x, oracle: oracle, iteration: t)
            let pair = lbfgs.curvaturePairs.last!
            #expect(pair.s == zip(x, before).map { $0 - $1 })
            let expectedY = zip(batches.gradient(x, batch: t % 2), batches.gradient(before, batch: t % 2)).map { $0 - $1 }
            #expect(pair.y == expectedY, "step \(t)")
        }
        #expect(lbfgs.curvaturePairs.count == 4)
    }

    /// With mini-batches each step starts with its own evaluation (no reuse across
    /// batches); with one fixed objective the end point of a step is reused.
    @Test func startEvaluationIsReusedOnlyForFullBatch() throws {
        let p = Problems.rosenbrock
        for fullBatch in [false, true] {
            let oracle = p.oracle(fullBatch: fullBatch)
            let bfgs = try BFGS<Double>(dimension: 2)
            let steps = 20
            _ = try run(bfgs, oracle: oracle, from: p.start, maxSteps: steps)
            let searches = bfgs.counters.lineSearchEvaluations
            #expect(oracle.gradientEvaluations == (fullBatch ? 1 + searches : steps + searches), "fullBatch = \(fullBatch)")
            #expect(oracle.functionEvaluations == oracle.gradientEvaluations)
        }
    }

    /// Along the step from x = 0.3 on f = cos x, Armijo accepts a point where
    /// y's < 0 (the function is concave there). BFGS skips or Powell-damps the pair
    /// and records it; with damping, s'r = 0.2 s'Bs, so in one dimension H = s/r = 5.
    @Test(arguments: [CurvaturePolicy.skip, .damped])
    func negativeCurvatureIsSkippedOrDamped(policy: CurvaturePolicy) throws {
        let oracle = Oracle<Double>(dimension: 1, value: { cosine($0[0]) },
                                    valueAndGradient: { (cosine($0[0]), [-sine($0[0])]) }, hessianVectorProduct: nil)
        for method in ["bfgs", "dfp", "lbfgs"] {
            let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(
                id: method, params: ["line_search": .string("armijo"), "curvature": .string(policy.rawValue)], dimension: 1)
            var x = [0.3]
            let report = try optimizer.step(&x, oracle: oracle, iteration: 0)
            #expect(report.moved)
            #expect(report.skippedUpdate == (policy == .skip), "\(method)")
            #expect(report.dampedUpdate == (policy == .damped), "\(method)")
            #expect(optimizer.counters.skippedUpdates + optimizer.counters.dampedUpdates == 1)
            if policy == .damped, let bfgs = optimizer as? BFGS<Double> {
                #expect(abs(bfgs.inverseHessian[0, 0] - 5) <= 1e-12)
            }
            if policy == .damped, let dfp = optimizer as? DFP<Double> {
                #expect(abs(dfp.inverseHessian[0, 0] - 5) <= 1e-12)
            }
        }
    }

    /// The counters are the sums of the per-step reports.
    @Test(arguments: ["bfgs", "sr1", "lsr1", "lbfgs", "newton_cg"])
    func countersSumTheReports(id: String) throws {
        let p = Problems.rosenbrock
        let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 2)
        let oracle = p.oracle()
        var x = p.start
        var sum = OptimizerCounters()
        var rejected = 0, moved = 0
        for t in 0..<40 {
            let r = try optimizer.step(&x, oracle: oracle, iteration: t)
            sum.record(r)
            if r.trustRegionRejected { rejected += 1; #expect(!r.moved) }
            if r.moved { moved += 1 }
        }
        #expect(sum == optimizer.counters)
        #expect(optimizer.counters.steps == 40)
        #expect(optimizer.counters.trustRegionRejections == rejected)
        if id == "sr1" || id == "lsr1" {
            #expect(rejected > 0)
        } else {
            #expect(optimizer.counters.lineSearchEvaluations >= moved && moved > 10)
        }
    }

    @Test func oracleCountsEveryCall() {
        let oracle = Batches().oracle()
        _ = oracle.value([0, 0, 0])
        _ = oracle.valueAndGradient([0, 0, 0])
        _ = oracle.valueAndGradient([1, 0, 0])
        _ = oracle.hessianVectorProduct([0, 0, 0], [1, 1, 1])
        #expect(oracle.functionEvaluations == 3)
        #expect(oracle.gradientEvaluations == 2)
        #expect(oracle.hessianVectorEvaluations == 1)
        #expect(oracle.totalEvaluations == 6)
        #expect(oracle.supportsHessianVectorProducts)
    }
}

import Foundation
private func cosine(_ x: Double) -> Double { cos(x) }
private func sine(_ x: Double) -> Double { sin(x) }
