import Testing
import Recording
@testable import Baselines

@Suite struct ToleranceModeTests {
    static let runs = [Fixtures.run(id: "r1"), Fixtures.run(id: "r2", seed: 1)]

    @Test func aChangeWithinToleranceFailsExactButPassesTolerance() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        // 0.7 · 1e-9 relative: well inside rtol = 1e-6.
        let current = [Fixtures.changing(Self.runs[0], curve: "val_loss", at: 3, { $0 * (1 + 1e-9) }), Self.runs[1]]
        let exact = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        #expect(exact.regressed)
        let tolerant = try BaselineChecker.check(current: current, baseline: baseline, mode: .tolerance)
        #expect(!tolerant.regressed)
        let row = tolerant.rows.first { $0.run == "r1" && $0.metric == "val_loss" }
        #expect(row?.verdict == .pass)
        #expect(row?.difference.contains("at step 75") == true)
    }

    @Test func aChangeBeyondToleranceFailsAndNamesTheStep() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var changed = Fixtures.changing(Self.runs[1], curve: "val_loss", at: 2, { $0 + 1e-3 })
        changed = Fixtures.changing(changed, curve: "val_loss", at: 4, { $0 + 1e-8 })
        let report = try BaselineChecker.check(current: [Self.runs[0], changed], baseline: baseline, mode: .tolerance)
        #expect(report.regressed)
        #expect(report.regressions.count == 1)
        let row = report.regressions[0]
        #expect(row.run == "r2" && row.metric == "val_loss")
        // The worst element is shown: step 50, where 1e-3 exceeds 1e-9 + 1e-6·0.9.
        #expect(row.baseline == "0.9" && row.now == "0.901")
        #expect(row.difference.hasPrefix("+0.001 at step 50"))
    }

    @Test func aPerMetricOverrideAppliesToThatMetricOnly() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var changed = Fixtures.changing(Self.runs[0], curve: "val_loss", at: 4, { $0 * 1.01 })
        changed = Fixtures.changing(changed, curve: "train_loss", at: 4, { $0 * 1.01 })
        let loose = try Tolerances.parse("val_loss=rtol:0.02")
        let report = try BaselineChecker.check(current: [changed, Self.runs[1]], baseline: baseline, mode: .tolerance,
                                               tolerances: loose)
        #expect(report.regressions.map(\.metric) == ["train_loss"])
        #expect(report.method.contains("val_loss: rtol 0.02"))
    }

    @Test func nanInBothPlacesPassesNanOnOneSideFails() throws {
        let withNaN = Fixtures.changing(Self.runs[0], curve: "grad_norm", at: 4, { _ in .nan })
        let baseline = try Fixtures.baseline([withNaN])
        #expect(!(try BaselineChecker.check(current: [withNaN], baseline: baseline, mode: .tolerance).regressed))
        let report = try BaselineChecker.check(current: [Self.runs[0]], baseline: baseline, mode: .tolerance)
        #expect(report.regressions.map(\.metric) == ["grad_norm"])
        #expect(report.regressions.first?.difference == "nan vs 0.5 at step 100")
    }

    @Test func missingAndNewCurves() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var current = Self.runs
        current[0].curves["grad_norm"] = nil
        current[0].curves["evals"] = [1, 2, 3, 4, 5]
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .tolerance)
        #expect(report.regressions.map(\.metric) == ["grad_norm"])
        #expect(report.rows.first { $0.metric == "evals" }?.verdict == .new)
    }

    @Test func differentStepsAreARegression() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var current = Self.runs
        current[1].steps = [0, 25, 50, 75, 99]
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .tolerance)
        #expect(report.regressions.map(\.metric) == ["step"])
        #expect(report.regressions.first?.firstDifference?.index == 4)
    }

    @Test func storedTensorsAreComparedWithTheirOwnTolerance() throws {
        let baseline = try Fixtures.baseline(Self.runs, tensors: true)
        var current = Self.runs
        current[0].tensors["final/b"] = StoredTensor(shape: [3], elements: .float64([0.2501, 0, Double.leastNormalMagnitude / 64]))
        let strict = try BaselineChecker.check(current: current, baseline: baseline, mode: .tolerance)
        #expect(strict.regressions.map(\.metric) == ["final/b"])
        #expect(strict.regressions.first?.difference.contains("at element [0]") == true)
        let loose = try BaselineChecker.check(current: current, baseline: baseline, mode: .tolerance,
                                              tolerances: try Tolerances.parse("final/b=rtol:1e-3"))
        #expect(!loose.regressed)
        // Initial tensors are never stored nor compared.
        #expect(!strict.rows.contains { $0.metric.hasPrefix("initial/") })
    }

    @Test func missingRunsAreARegressionInToleranceMode() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        let report = try BaselineChecker.check(current: [Self.runs[0]], baseline: baseline, mode: .tolerance)
        #expect(report.missingInCurrent == ["r2"])
        #expect(report.regressed)
    }
}
