import Foundation
import Testing
import Recording
@testable import Baselines

@Suite struct ExactModeTests {
    static let runs = [Fixtures.run(id: "r1"), Fixtures.run(id: "r2", seed: 1), Fixtures.run(id: "r3", seed: 2)]

    /// Flips the lowest bit of the significand.
    static func flipLastBit(_ x: Double) -> Double { Double(bitPattern: x.bitPattern ^ 1) }

    @Test func identicalResultsPass() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        let report = try BaselineChecker.check(current: Self.runs, baseline: baseline, mode: .exact)
        #expect(!report.regressed)
        #expect(report.exitCode == 0)
        #expect(report.rows.count == 3)
        #expect(report.rows.allSatisfy { $0.metric == "digest" && $0.verdict == .pass })
        #expect(report.missingInCurrent.isEmpty && report.missingInBaseline.isEmpty)
    }

    @Test func identicalResultsPassAfterAStoreAndReadRoundTrip() throws {
        let folder = Fixtures.temporaryFolder()
        try Fixtures.baseline(Self.runs, tensors: true).write(to: folder)
        let report = try BaselineChecker.check(current: Self.runs, baseline: try Baseline.read(from: folder), mode: .exact)
        #expect(!report.regressed)
    }

    @Test func aFlippedBitNamesTheCurveAndTheStep() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var current = Self.runs
        current[1] = Fixtures.changing(current[1], curve: "val_loss", at: 3, Self.flipLastBit)
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        #expect(report.regressed)
        #expect(report.exitCode == 1)
        let bad = report.regressions
        #expect(bad.count == 1)
        #expect(bad.first?.run == "r2")
        #expect(bad.first?.metric == "/curves/val_loss")
        let d = bad.first?.firstDifference
        #expect(d?.name == "val_loss")
        #expect(d?.kind == .value)
        #expect(d?.index == 3)
        #expect(d?.step == 75)
        #expect(d?.baseline == "0.7")
        #expect(d?.now == "0.7000000000000001")
        #expect(report.text.contains("first differs at step 75 (index 3)"))
    }

    @Test func theFirstDifferenceFollowsTheDigestOrder() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var changed = Fixtures.changing(Self.runs[0], curve: "val_loss", at: 1, Self.flipLastBit)
        changed = Fixtures.changing(changed, curve: "train_loss", at: 4, Self.flipLastBit)
        changed = Fixtures.changing(changed, curve: "grad_norm", at: 2, { -$0 })
        let report = try BaselineChecker.check(current: [changed] + Self.runs.dropFirst(), baseline: baseline, mode: .exact)
        // Curves are compared in name order: grad_norm < train_loss < val_loss.
        #expect(report.regressions.first?.firstDifference?.path == "/curves/grad_norm")
        #expect(report.regressions.first?.firstDifference?.step == 50)
    }

    @Test func negativeZeroDiffersFromZero() throws {
        var run = Fixtures.run(id: "z")
        run.curves["lr"]![4] = 0.0
        run = Fixtures.sealed(run)
        let baseline = try Fixtures.baseline([run])
        let current = Fixtures.changing(run, curve: "lr", at: 4, { _ in -0.0 })
        let report = try BaselineChecker.check(current: [current], baseline: baseline, mode: .exact)
        #expect(report.regressions.first?.firstDifference?.path == "/curves/lr")
        #expect(report.regressions.first?.firstDifference?.step == 100)
    }

    @Test func aChangedStepIsNamed() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var current = Self.runs
        current[0].steps[2] = 49
        current[0] = Fixtures.sealed(current[0])
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        #expect(report.regressions.first?.firstDifference == FirstDifference(kind: .value, path: "/curves/step",
                                                                                index: 2, step: 50, baseline: "50", now: "49"))
    }

    @Test func aSeriesDifferenceIsNamed() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var current = Self.runs
        current[2].series["hessian"]!.curves["top_eigenvalue"]![1] = 3.5
        current[2] = Fixtures.sealed(current[2])
        let d = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact).regressions.first?.firstDifference
        #expect(d?.path == "/series/hessian/top_eigenvalue")
        #expect(d?.step == 100)
    }

    @Test func aTensorDifferenceIsNamedWhenTensorsAreStored() throws {
        let baseline = try Fixtures.baseline(Self.runs, tensors: true)
        var current = Self.runs
        current[0].tensors["final/w"] = StoredTensor(shape: [2, 3], elements: .float32([1, -2, 3, 4, -5.0000005, 6]))
        current[0] = Fixtures.sealed(current[0])
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        let d = report.regressions.first?.firstDifference
        #expect(d?.path == "/tensors/final/w")
        #expect(d?.index == 4)
        #expect(d?.position == [1, 1])
        #expect(report.text.contains("first differs at element [1, 1] (index 4)"))
    }

    @Test func aTensorDifferenceIsNamedByItsDigestOtherwise() throws {
        let baseline = try Fixtures.baseline(Self.runs, tensors: false)
        var current = Self.runs
        current[0].tensors["final/w"] = StoredTensor(shape: [2, 3], elements: .float32([1, -2, 3, 4, -5.0000005, 6]))
        current[0] = Fixtures.sealed(current[0])
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        #expect(report.regressed)
        let d = report.regressions.first?.firstDifference
        #expect(d?.kind == .digestOnly)
        #expect(d?.path == "/tensors/final/w")
        #expect(report.text.contains("digest differs"))
    }

    @Test func aTensorDifferenceIsReportedAsNotStoredByBaselinesWithoutTensorDigests() throws {
        var baseline = try Fixtures.baseline(Self.runs, tensors: false)
        for i in baseline.runs.indices {
            baseline.runs[i].attributes = baseline.runs[i].attributes.filter { !$0.key.hasPrefix("digest:") }
        }
        var current = Self.runs
        current[0].tensors["final/w"] = StoredTensor(shape: [2, 3], elements: .float32([1, -2, 3, 4, -5.0000005, 6]))
        current[0] = Fixtures.sealed(current[0])
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        #expect(report.regressed)
        #expect(report.regressions.first?.firstDifference?.kind == .notStored)
        #expect(report.regressions.first?.difference == "tensors differ (not stored in the baseline: store with --tensors)")
    }

    @Test func aChangedStatusIsARegressionInEveryMode() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        var current = Self.runs
        current[0].attributes["status"] = .string("diverged")
        for mode in CheckMode.allCases {
            let report = try BaselineChecker.check(current: current, baseline: baseline, mode: mode)
            #expect(report.regressed, "\(mode)")
            let row = report.rows.first { $0.metric == "status" }
            #expect(row?.baseline == "completed" && row?.now == "diverged" && row?.verdict == .regression, "\(mode)")
        }
    }

    @Test func missingRunsAreListedAndMissingNowIsARegression() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        let current = [Self.runs[0], Self.runs[2], Fixtures.run(id: "r9", seed: 9)]
        let report = try BaselineChecker.check(current: current, baseline: baseline, mode: .exact)
        #expect(report.missingInCurrent == ["r2"])
        #expect(report.missingInBaseline == ["r9"])
        #expect(report.regressions.isEmpty)
        #expect(report.regressed)
        #expect(report.text.contains("Missing now (in the baseline only; a regression in this mode): 1"))
        #expect(report.text.contains("New runs (not in the baseline; not compared): 1"))
    }

    @Test func newRunsAloneAreNoRegression() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        let report = try BaselineChecker.check(current: Self.runs + [Fixtures.run(id: "r9", seed: 9)],
                                               baseline: baseline, mode: .exact)
        #expect(!report.regressed)
        #expect(report.missingInBaseline == ["r9"])
    }

    @Test func invalidCurrentRecordsAreInputErrors() throws {
        let baseline = try Fixtures.baseline(Self.runs)
        #expect(throws: BaselineError.invalidRecord(reason: "run_id r1 appears twice in the current results")) {
            try BaselineChecker.check(current: [Self.runs[0], Self.runs[0]], baseline: baseline, mode: .exact)
        }
        var noId = Self.runs[0]
        noId.attributes["run_id"] = nil
        #expect(throws: BaselineError.invalidRecord(reason: "a run has no run_id attribute")) {
            try BaselineChecker.check(current: [noId], baseline: baseline, mode: .tolerance)
        }
    }
}
