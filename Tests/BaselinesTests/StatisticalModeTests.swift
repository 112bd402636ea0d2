import Foundation
import Testing
import Recording
@testable import Baselines

@Suite struct StatisticalModeTests {
    static let z: [Double] = [-1.2, -0.4, 0.1, 0.5, 1.0]

    /// Two cells (adam, sgd) with five seeds each; the final val_loss of seed
    /// i is 0.5 + 0.01·values[i] (+ shift for adam).
    static func grid(_ values: [Double] = z, adamShift: Double = 0, prefix: String = "") -> [RunRecord] {
        var runs: [RunRecord] = []
        for (i, v) in values.enumerated() {
            runs.append(Fixtures.run(id: "\(prefix)a\(i)", seed: Int64(i), optimizer: "adam(lr=0.001)",
                                     finalValLoss: 0.5 + 0.01 * v + adamShift))
            runs.append(Fixtures.run(id: "\(prefix)s\(i)", seed: Int64(i), optimizer: "sgd(lr=0.1)",
                                     finalValLoss: 0.5 + 0.01 * v))
        }
        return runs
    }

    /// Sample standard deviation, Bessel-corrected.
    static func standardDeviation(_ x: [Double]) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        return (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
    }

    @Test func theSameSamplesPass() throws {
        let baseline = try Fixtures.baseline(Self.grid())
        let report = try BaselineChecker.check(current: Self.grid(), baseline: baseline, mode: .statistical)
        #expect(!report.regressed)
        // Two cells times three final metrics, one row each.
        #expect(report.rows.count == 6)
        #expect(Set(report.rows.map(\.run)) == ["digits mlp adam(lr=0.001) none", "digits mlp sgd(lr=0.1) none"])
        #expect(report.rows.allSatisfy { $0.verdict == .pass })
    }

    @Test func otherSeedsFromTheSameDistributionPass() throws {
        // Same spread, means 0.2 sample standard deviations apart: far from significant.
        let baseline = try Fixtures.baseline(Self.grid())
        let current = Self.grid([-1.0, -0.2, 0.0, 0.7, 1.1], prefix: "n")
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .statistical)
        #expect(!report.regressed)
        #expect(report.rows.first { $0.metric == "final val_loss" }?.test?.pValue ?? 0 > 0.5)
        // Different run ids but the same cells: the seeds are compared as samples.
        #expect(report.missingInCurrent.count == 10 && report.missingInBaseline.count == 10)
    }

    @Test func aShiftOfFiveStandardDeviationsIsARegression() throws {
        let baseline = try Fixtures.baseline(Self.grid())
        let sd = 0.01 * Self.standardDeviation(Self.z)
        let report = try BaselineChecker.check(current: Self.grid(adamShift: 5 * sd), baseline: baseline,
                                               mode: .statistical)
        #expect(report.regressed)
        #expect(report.regressions.count == 1)
        let row = report.regressions[0]
        #expect(row.run == "digits mlp adam(lr=0.001) none")
        #expect(row.metric == "final val_loss")
        #expect(row.difference.hasSuffix("(worse)"))
        guard let test = row.test else { Issue.record("no test"); return }
        // Equal spreads: t = 5 / √(2/5) = 7.906 with 8 df; 2·scipy.stats.t.sf(7.906, 8) = 4.755e-5.
        #expect(abs(test.t - 5 / (2.0 / 5).squareRoot()) < 1e-8)
        #expect(abs(test.degreesOfFreedom - 8) < 1e-8)
        #expect(abs(test.pValue - 4.755471757840457e-05) < 1e-10)
        // d = 5; Hedges' g = 5 · (1 - 3/(4·10 - 9)).
        #expect(abs(test.hedgesG - 5 * 28 / 31) < 1e-8)
        #expect(report.text.contains("Welch's two-sided t-test"))
    }

    @Test func anImprovementIsAlsoFlagged() throws {
        let baseline = try Fixtures.baseline(Self.grid())
        let sd = 0.01 * Self.standardDeviation(Self.z)
        let report = try BaselineChecker.check(current: Self.grid(adamShift: -5 * sd), baseline: baseline,
                                               mode: .statistical)
        #expect(report.regressed)
        #expect(report.regressions.first?.difference.hasSuffix("(better)") == true)
    }

    @Test func theThresholdIsAlpha() throws {
        let baseline = try Fixtures.baseline(Self.grid())
        let sd = 0.01 * Self.standardDeviation(Self.z)
        // A 2 sd shift with 5 seeds each: t = 2/√0.4 = 3.16, p = 0.0133 (8 df): not significant at 0.01, at 0.05 yes.
        let current = Self.grid(adamShift: 2 * sd)
        let strict = try BaselineChecker.check(current: current, baseline: baseline, mode: .statistical)
        #expect(!strict.regressed)
        let lax = try BaselineChecker.check(current: current, baseline: baseline, mode: .statistical,
                                            statistics: StatisticalOptions(alpha: 0.05))
        #expect(lax.regressions.map(\.metric) == ["final val_loss"])
    }

    @Test func oneSeedIsInsufficient() throws {
        let one = [Fixtures.run(id: "x", finalValLoss: 0.5)]
        let baseline = try Fixtures.baseline(one)
        let current = [Fixtures.run(id: "x", finalValLoss: 0.9)]
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .statistical)
        #expect(!report.regressed)
        #expect(report.rows.count == 3)
        #expect(report.rows.allSatisfy { $0.verdict == .insufficientSeeds })
        #expect(report.summary.contains("3 comparisons with insufficient seeds"))
    }

    @Test func missingSeedsShrinkTheSampleAndAMissingCellRegresses() throws {
        let baseline = try Fixtures.baseline(Self.grid())
        let fewer = Self.grid().filter { $0.string("run_id") != "a4" }
        let report = try BaselineChecker.check(current: fewer, baseline: baseline, mode: .statistical)
        #expect(report.missingInCurrent == ["a4"])
        #expect(!report.regressed)
        #expect(report.rows.first { $0.metric == "final val_loss" && $0.run.contains("adam") }?.test?.currentCount == 4)
        #expect(report.text.contains("fewer seeds in their cells"))

        let noAdam = Self.grid().filter { $0.string("optimizer") != "adam(lr=0.001)" }
        let gone = try BaselineChecker.check(current: noAdam, baseline: baseline, mode: .statistical)
        #expect(gone.regressed)
        #expect(gone.regressions.map(\.metric) == ["runs"])
    }

    @Test func nonFiniteFinalValuesAreLeftOutOfTheSample() throws {
        var runs = Self.grid()
        runs[0] = Fixtures.changing(runs[0], curve: "val_loss", at: 4, { _ in .nan })
        let baseline = try Fixtures.baseline(runs)
        let report = try BaselineChecker.check(current: runs, baseline: baseline, mode: .statistical)
        #expect(!report.regressed)
        let test = report.rows.first { $0.metric == "final val_loss" && $0.run.contains("adam") }?.test
        #expect(test?.baselineCount == 4 && test?.currentCount == 4)
    }

    @Test func cellsWithTheSameNamesButOtherSettingsStayApart() throws {
        var runs: [RunRecord] = []
        for seed in 0..<3 {
            for steps in [100, 200] {
                var r = Fixtures.run(id: "r\(steps)-\(seed)", seed: Int64(seed))
                r.attributes["config"] = .string("{\"model\":\"mlp\",\"seed\":\(seed),\"train\":{\"steps\":\(steps)}}")
                runs.append(r)
            }
        }
        let report = try BaselineChecker.check(current: runs, baseline: try Fixtures.baseline(runs), mode: .statistical)
        let cells = Set(report.rows.map(\.run))
        #expect(cells.count == 2)
        #expect(cells.allSatisfy { $0.hasPrefix("digits mlp adam(lr=0.001) none [") })
        #expect(report.rows.allSatisfy { $0.test?.baselineCount == 3 })
    }
}
