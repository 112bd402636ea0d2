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
        var r = SyntheticRuns.analyticRun(points: 5)
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
        // learning(points: 4, seed: 0) records wall times 0.02 * i: 0.06 s at the third step.
        #expect(o[0].seconds.map { abs($0 - 0.06) < 1e-12 } == true && o[0].curve == "train_loss")
        #expect(!o[1].reached)
    }

    /// The target is on the training loss even when the validation loss is best at
    /// the start (overfitting): train 2 -> 0.4 gives the target 0.4 + 0.05 * 1.6 = 0.48,
    /// met at the fourth point (step 30); on val_loss every run would meet it at step 0.
    @Test func learningTargetIgnoresARisingValidationLoss() {
        var r = SyntheticRuns.learning(points: 4)
        r.curves["train_loss"] = [2.0, 1.0, 0.6, 0.4]
        r.curves["val_loss"] = [1.0, 1.2, 1.5, 2.0]
        let o = TargetRule.outcomes([RunView(r)])[0]
        #expect(o.curve == "train_loss" && abs(o.threshold! - 0.48) < 1e-15 && o.steps == 30)
    }

    /// No run improved on the start: the instance has no target and nobody reaches it.
    @Test func degenerateInstanceHasNoTarget() {
        var a = SyntheticRuns.withFinals([1.0, 1.1, 1.3], optimizerID: "adam", seed: 0)
        var b = SyntheticRuns.withFinals([1.0, 1.0, 1.0], optimizerID: "sgd", seed: 0)
        a.attributes["run_id"] = .string("a"); b.attributes["run_id"] = .string("b")
        let o = TargetRule.outcomes([RunView(a), RunView(b)])
        #expect(o.allSatisfy { $0.degenerate && !$0.reached })
        let table = ReportTables.toTarget([RunView(a), RunView(b)], outcomes: o)
        #expect(table.rows.allSatisfy { $0[3] == .text("none (no run improved on the start)") && $0[5] == .integer(0) })
    }

    /// Early stopping restored the point at step 10 (index 1): "final" is the value
    /// there, in the view and in the final-metrics table; test metrics get rows too.
    @Test func finalValuesComeFromTheKeptPoint() {
        var a = SyntheticRuns.withFinals([2.0, 0.5, 0.9, 1.4], seed: 0)
        a.attributes["restored_step"] = .int(10)
        a.attributes["test_accuracy"] = .double(0.8)
        var b = SyntheticRuns.withFinals([2.0, 0.7, 0.6, 0.3], seed: 1)
        b.attributes["test_accuracy"] = .double(0.6)
        let views = [RunView(a), RunView(b)]
        #expect(views[0].final("val_loss") == 0.5 && views[0].restoredEarlierPoint)
        #expect(views[1].final("val_loss") == 0.3 && !views[1].restoredEarlierPoint)
        let table = ReportTables.finalMetrics(views, bootstrap: BootstrapInterval())
        let valLoss = table.rows.first { $0[3] == .text("val_loss") }!
        #expect(valLoss[6] == .number(0.4))
        let test = table.rows.first { $0[3] == .text("test_accuracy") }!
        #expect(test[5] == .integer(2))
        if case .number(let mean?) = test[6] { #expect(abs(mean - 0.7) < 1e-15) } else { Issue.record("no mean") }
        #expect(!table.rows.contains { $0[3] == .text("test_loss") })
    }

    /// Two models on one data set get side-by-side figures (validation accuracy and
    /// training loss against steps and wall time); one model alone gets none.
    @Test func modelsAreComparedPerDataSet() {
        let small = SyntheticRuns.learning(model: "mlp(hidden=[16])")
        let large = SyntheticRuns.learning(model: "mlp(hidden=[256])")
        let figures = ModelComparisonFigures.make(runs: [RunView(small), RunView(large)])
        #expect(figures.count == 4)
        #expect(figures.allSatisfy { $0.data.contains("mlp(hidden=[16]) /") && $0.data.contains("mlp(hidden=[256]) /") })
        #expect(ModelComparisonFigures.make(runs: [RunView(small)]).isEmpty)
    }

    /// One learning rate is not a sensitivity curve.
    @Test func sensitivityNeedsTwoLearningRates() {
        let one = [SyntheticRuns.learning(seed: 0), SyntheticRuns.learning(seed: 1)].map(RunView.init)
        let problem = one[0].problem
        #expect(SensitivityFigure.make(problem: problem, tuning: TuningSelection(runs: one)) == nil)
        let two = one + [RunView(SyntheticRuns.learning(params: ["lr": 0.01]))]
        #expect(SensitivityFigure.make(problem: problem, tuning: TuningSelection(runs: two)) != nil)
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
        #expect(TargetRule.outcomes([v]) == [.missed(curve: "val_loss")])
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
