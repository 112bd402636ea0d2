import Testing
import Support
@testable import Regularizers

/// Early stopping on hand-made validation curves.
@Suite struct EarlyStoppingTests {
    /// Losses 1.0, 0.8, 0.85, 0.79, 0.9 at steps 10..50 with patience 2, min_delta 0.02:
    /// 0.8 improves; 0.85 does not (1); 0.79 is not below 0.8 - 0.02 (2) -> stop at 40,
    /// best at step 20.
    @Test func stopsAfterPatienceEvaluationsWithoutImprovement() {
        let rule = EarlyStopping<Double>(patience: 2, minDelta: 0.02)
        let losses = [1.0, 0.8, 0.85, 0.79, 0.9]
        var stops: [Bool] = []
        for (i, loss) in losses.enumerated() {
            stops.append(rule.observe(validationLoss: loss, step: 10 * (i + 1), parameters: [Double(i), -Double(i)]))
        }
        #expect(stops == [false, false, false, true, true])
        #expect(rule.bestStep == 20)
        #expect(rule.bestLoss == 0.8)
        #expect(rule.bestParameters == [1, -1])
        #expect(rule.stoppedAtStep == 40)
        var x: [Double] = [9, 9]
        #expect(rule.restoreBest(into: &x))
        #expect(x == [1, -1])
    }

    @Test func improvementResetsTheCount() {
        let rule = EarlyStopping<Float>(patience: 2, minDelta: 0)
        let losses = [1.0, 1.1, 0.9, 1.0, 0.95, 0.5]
        let stops = losses.enumerated().map { rule.observe(validationLoss: $1, step: $0, parameters: [Float($0)]) }
        #expect(stops == [false, false, false, false, true, true])
        #expect(rule.bestStep == 2)
        #expect(rule.bestParameters == [2])
        #expect(rule.stoppedAtStep == 4)
    }

    @Test func nanNeverImproves() {
        let rule = EarlyStopping<Double>(patience: 1, minDelta: 0)
        #expect(!rule.observe(validationLoss: 2, step: 0, parameters: [0]))
        #expect(rule.observe(validationLoss: .nan, step: 1, parameters: [1]))
        #expect(rule.bestParameters == [0])
    }

    @Test func nothingToRestoreBeforeAFiniteLoss() {
        let rule = EarlyStopping<Double>(patience: 3, minDelta: 0)
        #expect(!rule.observe(validationLoss: .infinity, step: 0, parameters: [5]))
        var x: [Double] = [7]
        #expect(!rule.restoreBest(into: &x))
        #expect(x == [7])
    }

    @Test func stackBuildsTheRuleFromItsParameters() throws {
        let stack = try RegularizerStack(entries: [("early_stopping", Params(["patience": .int(4), "min_delta": .double(0.01)]))])
        let e = try #require(stack.earlyStopping)
        #expect(e.patience == 4 && e.minDelta == 0.01)
        let rule = try #require(stack.makeEarlyStopping(Double.self))
        #expect(rule.patience == 4 && rule.minDelta == 0.01)
        #expect(RegularizerStack.none.makeEarlyStopping(Double.self) == nil)
    }
}
