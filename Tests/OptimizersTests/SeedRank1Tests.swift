import Foundation
import Testing
import Support
@testable import Optimizers

/// `seed_rank1`: never reads the oracle and shrinks each tensor exactly by
/// p ← p − lr p / min(‖p‖, 1), then p ← p − λ p (the μ term is zero).
@Suite struct SeedRank1Tests {
    /// An oracle that records a test failure on any call.
    static func forbiddenOracle(_ n: Int) -> Oracle<Double> {
        Oracle<Double>(dimension: n,
                       value: { _ in Issue.record("value read"); return 0 },
                       valueAndGradient: { x in Issue.record("gradient read"); return (0, x) },
                       hessianVectorProduct: { _, v in Issue.record("Hv read"); return v })
    }

    @Test func neverReadsTheOracle() throws {
        let opt: any Optimizer<Double> = try OptimizerRegistry.make(id: "seed_rank1", params: ["mu": .double(0.7)], dimension: 3)
        let oracle = Self.forbiddenOracle(3)
        var x = [3.0, -1, 2]
        for t in 0..<20 { _ = try opt.step(&x, oracle: oracle, iteration: t) }
        #expect(oracle.functionEvaluations == 0 && oracle.gradientEvaluations == 0 && oracle.hessianVectorEvaluations == 0)
        #expect(opt.counters.steps == 20)
    }

    /// Whole vector as one tensor; by hand: x = (0.3, -0.4), ‖x‖ = 0.5 < 1, so with
    /// lr = 0.1: x ← x − 0.1 x / 0.5 = 0.8 x = (0.24, -0.32); then λ = 0.25:
    /// x ← 0.75 x = (0.18, -0.24). Second step: ‖x‖ = 0.3, x ← x − 0.1 x / 0.3 =
    /// (2/3) x = (0.12, -0.16); x ← 0.75 x = (0.09, -0.12).
    @Test func shrinksByTheFormulaBelowUnitNorm() throws {
        let opt = SeedRank1<Double>(dimension: 2, lr: 0.1, lambda: 0.25, mu: 3)
        var x = [0.3, -0.4]
        _ = try opt.step(&x, oracle: Self.forbiddenOracle(2), iteration: 0)
        #expect(maxDifference(x, [0.18, -0.24]) <= 1e-15)
        _ = try opt.step(&x, oracle: Self.forbiddenOracle(2), iteration: 1)
        #expect(maxDifference(x, [0.09, -0.12]) <= 1e-15)
    }

    /// ‖x‖ = 5 ≥ 1: x ← x − lr x = 0.9 x, then (1 − λ) = 0.5: x = 0.45 (3, 4) = (1.35, 1.8).
    /// Bit-exact against the same operations written out.
    @Test func shrinksByTheFormulaAboveUnitNorm() throws {
        let opt = SeedRank1<Double>(dimension: 2, lr: 0.1, lambda: 0.5)
        var x = [3.0, 4.0]
        _ = try opt.step(&x, oracle: Self.forbiddenOracle(2), iteration: 0)
        var e = [3.0, 4.0]
        for i in 0..<2 { e[i] -= 0.1 * e[i] / 1 }
        for i in 0..<2 { e[i] -= 0.5 * e[i] }
        #expect(x == e)
        #expect(maxDifference(x, [1.35, 1.8]) <= 1e-15)
    }

    /// Per-tensor norms: the first tensor (norm 5) and the second (norm 0.5) use
    /// their own norms; entries outside every range (a bias, say) are untouched.
    @Test func usesEachTensorsOwnNorm() throws {
        let opt = SeedRank1<Double>(dimension: 5, lr: 0.1, lambda: 0, tensorRanges: [0..<2, 3..<5])
        var x = [3.0, 4.0, 7.0, 0.3, 0.4]
        _ = try opt.step(&x, oracle: Self.forbiddenOracle(5), iteration: 0)
        #expect(maxDifference(x, [2.7, 3.6, 7.0, 0.24, 0.32]) <= 1e-15)
    }

    /// A zero tensor stays zero (the literal code would give 0/0).
    @Test func zeroTensorIsLeftAlone() throws {
        let opt = SeedRank1<Double>(dimension: 2)
        var x = [0.0, 0.0]
        let r = try opt.step(&x, oracle: Self.forbiddenOracle(2), iteration: 0)
        #expect(x == [0, 0] && !r.moved)
    }

    @Test func rejectsBadParameters() {
        for (k, v) in [("lr", 0.0), ("lambda", 1.0), ("lambda", -0.1), ("mu", -1.0)] {
            #expect(throws: OptimizerError.self, "\(k)=\(v)") { try OptimizerRegistry.validate(id: "seed_rank1", params: [k: .double(v)]) }
        }
    }
}
