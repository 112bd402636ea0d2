import Foundation
import Recording
import Testing
@testable import Reports

@Suite struct AnalysisTests {
    /// Ranks of the percentile interval (Efron and Tibshirani 1993, section 13.3):
    /// B = 2000, alpha = 0.05 gives the 50th and 1950th ordered resample means.
    @Test func bootstrapRanksAndDegenerateCases() {
        let b = BootstrapInterval()
        #expect(b.ranks.lower == 50 && b.ranks.upper == 1950)
        #expect(b.interval([]) == nil)
        #expect(b.interval([3.5])! == (3.5, 3.5))
        let constant = b.interval([2, 2, 2, 2])!
        #expect(constant.lower == 2 && constant.upper == 2)
        // Deterministic: the same data give the same interval.
        let x = [0.1, 0.5, 0.2, 0.9, 0.4]
        #expect(b.interval(x)! == b.interval(x)!)
    }

    @Test func sampleStatisticsByHand() {
        #expect(SampleStatistics.mean([1, 2, 6]) == 3)
        // ((1-3)^2 + (2-3)^2 + (6-3)^2) / 2 = 7
        #expect(SampleStatistics.standardDeviation([1, 2, 6]) == 7.0.squareRoot())
        #expect(SampleStatistics.standardDeviation([1]) == nil)
        #expect(SampleStatistics.median([4, 1, 3, 2]) == 2.5)
    }

    /// Dolan and Moré (2002): costs [[1, 2], [4, miss], [miss, miss]] give ratios
    /// solver 0: {1, 1}, solver 1: {2}; so rho_0(1) = 2/3, rho_1(1) = 0, rho_1(2) = 1/3.
    @Test func performanceProfileByHand() {
        let p = PerformanceProfile(costs: [[1, 2], [4, nil], [nil, nil]])
        #expect(p.ratios == [[1, 1], [2]])
        #expect(p.fraction(solver: 0, tau: 1) == 2.0 / 3)
        #expect(p.fraction(solver: 1, tau: 1) == 0)
        #expect(p.fraction(solver: 1, tau: 2) == 1.0 / 3)
        #expect(p.tauMax == 4)
        let corners = p.steps(solver: 1)
        let taus: [Double] = corners.map { $0.tau }
        let rhos: [Double] = corners.map { $0.rho }
        let third = 1.0 / 3
        #expect(taus == [1, 2, 4])
        #expect(rhos == [0, third, third])
    }

    @Test func targetRuleForTestFunctions() {
        // f - f* = 100, 1, 1e-3, 1e-5, 1e-7: the target 1e-6 * 100 = 1e-4 is met at step 3.
        var r = SyntheticRuns.testFunction(points: 5)
        r.curves["f_minus_fstar"] = [100, 1, 1e-3, 1e-5, 1e-7]
        let o = TargetRule.outcomes([RunView(r)])[0]
        #expect(abs(o.threshold! - 1e-4) < 1e-18 && o.steps == 3 && o.evaluations == 13)
    }

    @Test func targetRuleForLearningTasks() {
        // best final 0.2, median start 2, target 0.2 + 0.05 * 1.8 = 0.29.
        var a = SyntheticRuns.withFinals([2.0, 1.0, 0.5, 0.2], optimizerID: "adam", seed: 0)
        var b = SyntheticRuns.withFinals([2.0, 1.5, 1.2, 1.0], optimizerID: "sgd", seed: 0)
        a.attributes["run_id"] = .string("a"); b.attributes["run_id"] = .string("b")
        let o = TargetRule.outcomes([RunView(a), RunView(b)])
        #expect(abs(o[0].threshold! - 0.29) < 1e-15)
        #expect(o[0].steps == 30 && o[0].evaluations == 60)
        #expect(!o[1].reached)
    }

    /// Two variants tie at mean 0.5 ({0.25, 0.75} and {0.375, 0.625}); the smaller
    /// spread wins. lr = 1 has the lowest single final but a diverged seed (+inf).
    @Test func tuningRuleAndTieBreak() {
        let runs = [
            SyntheticRuns.withFinals([1, 0.25], params: ["lr": 0.1], seed: 0),
            SyntheticRuns.withFinals([1, 0.75], params: ["lr": 0.1], seed: 1),
            SyntheticRuns.withFinals([1, 0.375], params: ["lr": 0.01], seed: 0),
            SyntheticRuns.withFinals([1, 0.625], params: ["lr": 0.01], seed: 1),
            SyntheticRuns.withFinals([1, 0.01], params: ["lr": 1], seed: 0),
            SyntheticRuns.withFinals([1, .nan], params: ["lr": 1], seed: 1),
        ].map(RunView.init)
        let selection = TuningSelection(runs: runs)
        #expect(selection.groups.count == 1)
        let group = selection.groups[0]
        #expect(group.variants.count == 3 && group.metric == .valLoss)
        #expect(group.best.paramsJSON == "{\"lr\":0.01}")
        #expect(group.variants.first { $0.paramsJSON == "{\"lr\":1.0}" }!.score == .infinity)
    }

    @Test func absentCurvesAndAttributesAreTolerated() {
        var bare = RunRecord(attributes: ["status": .string("failed")])
        bare.steps = []
        let v = RunView(bare)
        #expect(v.problem.label == "unknown" && v.config.label == "unknown / none")
        #expect(v.curve("val_accuracy") == nil && v.evaluations == nil && v.xValues(.step) == nil)
        #expect(LearningCurveFigures.make(problem: v.problem, runs: [v]).isEmpty)
        #expect(HeatmapFigure.make(problem: v.problem, runs: [v]) == nil)
        #expect(TargetRule.outcomes([v]) == [TargetRule.Outcome(threshold: nil, steps: nil, evaluations: nil)])
    }

    @Test func perStepCounterIncrements() {
        #expect(DiagnosticFigures.perStep([0, 6, 9], steps: [0, 2, 5]).dropFirst() == [3, 1])
        #expect(DiagnosticFigures.perStep([0, 6, 9], steps: [0, 2, 5])[0].isNaN)
    }

    @Test func paramsDecodeNumbersBooleansAndStrings() {
        let p = ParamValue.decodeObject("{\"lr\":0.001,\"nesterov\":true,\"line_search\":\"strong_wolfe\",\"b\":[1,2]}")
        #expect(p["lr"] == .number(0.001) && p["nesterov"] == .bool(true))
        #expect(p["line_search"] == .other("\"strong_wolfe\"") && p["b"] == .other("[1,2]"))
        #expect(ParamValue.decodeObject("not json").isEmpty)
    }
}
