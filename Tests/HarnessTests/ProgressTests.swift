import Foundation
import Recording
import Testing
@testable import Harness

/// In-run progress, the ETA model, the closing summary's seed intervals and
/// error messages.
@Suite(.serialized) struct ProgressTests {
    static let grid = """
    name: progress
    models: [rosenbrock, beale]
    optimizers: [{sgd: {lr: 0.001}}, {adam: {lr: 0.01}}]
    regularizers: [none, {l2: {lambda: 0.01}}]
    seeds: [0, 1]
    train: {steps: 40, batch_size: full, eval_every: 10}
    """

    private func cells() throws -> [Cell] {
        try GridScratch().load(Self.grid).cells
    }

    /// A clock the test moves by hand.
    final class FakeClock: @unchecked Sendable {
        var now = 100.0
    }

    /// Output lines collected from a reporter.
    final class Lines: @unchecked Sendable {
        var text = ""
    }

    @Test func observerSeesEveryStepAndChangesNoNumber() throws {
        let cell = try cells()[0]
        let plain = RunExecutor(cell: cell, gridName: "progress", dataset: nil, threads: 1).execute()
        var watched = RunExecutor(cell: cell, gridName: "progress", dataset: nil, threads: 1)
        let seen = Lines()
        watched.observer = { seen.text += "\($0.step)/\($0.totalSteps) \($0.objective.isFinite) " }
        let record = watched.execute()
        #expect(record.string(RunFileNames.Attribute.digest) == plain.string(RunFileNames.Attribute.digest))
        #expect(seen.text.hasPrefix("1/40 true 2/40 true "))
        #expect(seen.text.hasSuffix("40/40 true "))
    }

    @Test func plainProgressWaitsThenRepeatsAndNamesRegularizerAndSeed() throws {
        let all = try cells()
        let clock = FakeClock(), out = Lines()
        let reporter = ProgressReporter(cells: all, jobs: 1, interactive: false, clock: { clock.now },
                                        write: { out.text += $0 })
        let l2 = try #require(all.firstIndex { $0.regularizerName != "none" && $0.seed == 1 })
        reporter.started(l2)
        clock.now += 1
        reporter.stepped(l2, StepProgress(step: 5, totalSteps: 40, objective: 0.5))
        #expect(out.text.isEmpty, "nothing before the first few seconds")
        clock.now += 10
        reporter.stepped(l2, StepProgress(step: 20, totalSteps: 40, objective: 0.25))
        #expect(out.text.contains("step 20/40"), "\(out.text)")
        #expect(out.text.contains(all[l2].regularizerName) && out.text.contains("seed 1"), "\(out.text)")
        #expect(out.text.contains("loss 0.25"))
        #expect(out.text.hasSuffix("\n") && !out.text.contains("\r"))
        let before = out.text
        clock.now += 1
        reporter.stepped(l2, StepProgress(step: 22, totalSteps: 40, objective: 0.2))
        #expect(out.text == before, "plain lines are periodic, not per step")
        reporter.finished(l2, seconds: 12, status: "completed")
        #expect(out.text.hasSuffix(": completed\n"))
        #expect(out.text.contains("[1/\(all.count)]"))
    }

    @Test func terminalProgressRedrawsOneLine() throws {
        let all = try cells()
        let clock = FakeClock(), out = Lines()
        let reporter = ProgressReporter(cells: all, jobs: 1, interactive: true, clock: { clock.now },
                                        write: { out.text += $0 })
        reporter.started(0)
        clock.now += 4
        reporter.stepped(0, StepProgress(step: 10, totalSteps: 40, objective: 1.5))
        clock.now += 1
        reporter.stepped(0, StepProgress(step: 20, totalSteps: 40, objective: 1.25))
        #expect(out.text.components(separatedBy: "\r\u{1B}[2K").count == 3, "two redraws: \(out.text.debugDescription)")
        #expect(!out.text.contains("\n"))
        // Before any cell finished, the ETA comes from the running cell: 5 s for half of it.
        #expect(out.text.contains("eta"))
        #expect(!out.text.hasSuffix("eta ?"))
    }

    @Test func etaAfterTheFirstCellUsesItsMeasuredRate() throws {
        let all = try cells()
        let clock = FakeClock(), out = Lines()
        let reporter = ProgressReporter(cells: all, jobs: 1, interactive: false, clock: { clock.now },
                                        write: { out.text += $0 })
        reporter.started(0)
        reporter.stepped(0, StepProgress(step: 40, totalSteps: 40, objective: 1))
        reporter.finished(0, seconds: 60, status: "completed")
        let rate = 60 / all[0].expectedCost
        let left = all.dropFirst().map { rate * $0.expectedCost }.reduce(0, +)
        #expect(out.text.contains("eta \(ProgressReporter.format(left))  "), "\(out.text) (expected \(left) s)")
    }

    @Test func quietPrintsNothing() throws {
        let all = try cells()
        let clock = FakeClock(), out = Lines()
        let reporter = ProgressReporter(cells: all, jobs: 1, quiet: true, interactive: false, clock: { clock.now },
                                        write: { out.text += $0 })
        reporter.started(0)
        clock.now += 30
        reporter.stepped(0, StepProgress(step: 10, totalSteps: 40, objective: 1))
        reporter.finished(0, seconds: 30, status: "completed")
        #expect(out.text.isEmpty)
    }

    @Test func etaLearnsPerModelAndOptimizer() throws {
        let all = try cells()
        let rosenSGD = try #require(all.first { $0.model.id == "rosenbrock" && $0.optimizer.id == "sgd" })
        let bealeAdam = try #require(all.first { $0.model.id == "beale" && $0.optimizer.id == "adam" })
        var model = CellTimeModel()
        #expect(model.rate(for: rosenSGD) == nil)
        let k = CellTimeModel.key(rosenSGD)
        #expect(model.remainingSeconds([k: rosenSGD.expectedCost], cells: 1, jobs: 1, fallbackRate: nil) == nil)
        #expect(model.remainingSeconds([k: rosenSGD.expectedCost], cells: 1, jobs: 1, fallbackRate: 0.5) == 0.5 * rosenSGD.expectedCost)
        model.learn(rosenSGD, seconds: 2, fraction: 1)
        // Unseen pairs use the overall rate.
        let r = 2 / rosenSGD.expectedCost
        #expect(model.rate(for: bealeAdam) == r)
        model.learn(bealeAdam, seconds: 30, fraction: 0.5)
        #expect(abs(model.rate(for: bealeAdam)! - 30 / (0.5 * bealeAdam.expectedCost)) < 1e-12)
        #expect(model.rate(for: rosenSGD) == r, "one pair's time does not move another's")
        // One and a half rosenbrock/sgd cells on two workers: 3 s of work, 1.5 s of wall time.
        let left = model.remainingSeconds([k: 1.5 * rosenSGD.expectedCost], cells: 2, jobs: 2, fallbackRate: nil)!
        #expect(abs(left - 1.5) < 1e-9)
    }

    @Test func seedIntervalIsMeanPlusMinusStudentT() throws {
        let i = try #require(SeedInterval([1, 2, 3]))
        #expect(i.count == 3 && i.mean == 2)
        #expect(abs(i.halfWidth! - 4.302652730 / 3.0.squareRoot()) < 1e-8)
        #expect(SeedInterval([5])?.halfWidth == nil)
        #expect(SeedInterval([]) == nil)
    }

    @Test func runPrintsSeedIntervalsAndErrorsOnce() throws {
        let dir = try BenchProcess.temporaryDirectory("summary")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try EndToEndTests.writeGrid(Self.grid, in: dir)
        let r = try BenchProcess.run(["run", path, "--results", "r", "--no-report"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("mean final loss"), "\(r.stdout)")
        #expect(r.stdout.contains("95% interval (Student t)"))
        #expect(!r.stdout.contains("best final loss"))
        let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("adam") || $0.hasPrefix("sgd") }
        #expect(rows.count == 8, "one row per optimizer, regularizer and model: \(r.stdout)")
        #expect(rows.allSatisfy { $0.contains(" 2 ") && $0.contains("[") }, "two seeds each, with an interval")
        // Non-terminal progress: one line per finished cell, naming regularizer and seed.
        #expect(r.stderr.contains("seed 1: completed"), "\(r.stderr)")

        let bad = try BenchProcess.run(["run", "--bogus", path], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("bench: error: Unknown option '--bogus'"), "\(bad.stderr)")
        #expect(bad.stderr.components(separatedBy: "rror").count == 2, "one error prefix: \(bad.stderr)")
    }
}

/// `bench run` and `bench report` on a machine without gnuplot: tables and the
/// index are written, figures skipped with one warning, exit status 0.
@Suite(.serialized) struct NoGnuplotTests {
    private func run(_ args: [String], in dir: URL) throws -> BenchProcess.Result {
        let p = BenchProcess.start(args, in: dir)
        var env = p.environment ?? [:]
        env["PATH"] = "/nonexistent-bin"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return .init(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func runAndReportSucceedWithoutGnuplot() throws {
        let dir = try BenchProcess.temporaryDirectory("no-gnuplot")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try EndToEndTests.writeGrid(ProgressTests.grid, in: dir)
        for args in [["run", path, "--results", "r", "--report-dir", "rep", "--quiet"], ["report", "r", "--out", "rep2"]] {
            let r = try run(args, in: dir)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("bench: warning:") }
            #expect(warnings.count == 1, "\(r.stderr)")
            #expect(warnings.first?.contains("apt-get install gnuplot-nox") == true)
            #expect(!r.stderr.contains("error"), "\(r.stderr)")
            let report = dir.appendingPathComponent(args[0] == "run" ? "rep" : "rep2")
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("index.html").path))
            let tables = try FileManager.default.contentsOfDirectory(atPath: report.appendingPathComponent("tables").path)
            #expect(tables.contains { $0.hasSuffix(".csv") })
            let figures = try FileManager.default.contentsOfDirectory(atPath: report.appendingPathComponent("figures").path)
            #expect(!figures.contains { $0.hasSuffix(".png") })
        }
    }
}
