import Baselines
import Foundation
import Recording
import GridLanguage

/// `bench baseline` and `bench check`: storing results as a baseline and comparing
/// results (stored, or produced by rerunning a grid) against one.
public enum BaselineActions {
    /// What a check found.
    public struct Outcome: Sendable {
        public var text: String
        public var regressed: Bool
    }

    /// Stores the run files of `results` as a baseline (default folder:
    /// `results/baselines/<grid>`); returns the folder. Damaged run files are
    /// named and nothing is stored: a baseline silently lacking a run would
    /// never check it.
    public static func store(results: URL, to folder: URL?, includeTensors: Bool) throws -> URL {
        let loaded = try RunFileLoader.load(resultsDirectory: results)
        let records = loaded.records
        RunFileLoader.report(loaded)
        guard loaded.damaged.isEmpty else {
            throw RunFileLoader.damagedError(loaded, in: results, consequence: "no baseline stored")
        }
        guard !records.isEmpty else { throw HarnessError.input("\(results.path): no run files to store as a baseline") }
        let grid = records.compactMap { $0.string(RunFileNames.Attribute.grid) }.first ?? results.standardizedFileURL.lastPathComponent
        let dir = try folder ?? ResultsLayout.defaultBaselineFolder(
            grid: OutputFolderName.validated(grid, from: results.path + "/runs", option: "--to"))
        do {
            try BaselineStore.make(records: records, grid: grid, includeTensors: includeTensors).write(to: dir)
        } catch {
            throw HarnessError.io(path: dir.path, reason: "\(error)")
        }
        return dir
    }

    /// Compares `target` (a results folder, or with `rerun` a grid file run into a
    /// temporary folder) with the baseline in `baseline`.
    public static func check(target: String, baseline: URL, mode: String, tolerance: String?, rerun: Bool,
                             regenerate: Bool, jobs: Int, threads: Int,
                             maxCells: Int = GridSize.defaultMaxCells,
                             maxMemory: MemoryLimit = .default) throws -> Outcome {
        guard let checkMode = CheckMode(rawValue: mode) else {
            throw HarnessError.input("--mode must be exact, tolerance or statistical, got '\(mode)'")
        }
        let tolerances: Tolerances
        do { tolerances = try tolerance.map { try Tolerances.parse($0) } ?? Tolerances() } catch {
            throw HarnessError.input("--tolerance: \(error)")
        }
        var resultsDir = URL(fileURLWithPath: target)
        var scratch: URL? = nil
        defer { if let s = scratch { try? FileManager.default.removeItem(at: s) } }
        if rerun {
            let grid = try CommandSupport.loadGrid(target, maxCells: maxCells, maxMemory: maxMemory)
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("bench-check-\(getpid())-\(grid.name)")
            try? FileManager.default.removeItem(at: tmp)
            scratch = tmp
            var runner = GridRunner(grid: grid, resultsDirectory: tmp, dataRoot: CommandSupport.dataRoot(forGrid: target))
            runner.jobs = jobs
            runner.threads = threads
            runner.quiet = true
            runner.memoryLimit = maxMemory
            _ = try runner.run()
            resultsDir = tmp
        }
        if regenerate {
            let dir = try store(results: resultsDir, to: baseline, includeTensors: false)
            return Outcome(text: "baseline re-stored in \(dir.path)", regressed: false)
        }
        let stored: Baseline
        do { stored = try Baseline.read(from: baseline) } catch {
            throw HarnessError.input("\(error)")
        }
        let loaded = try RunFileLoader.load(resultsDirectory: resultsDir)
        for w in loaded.warnings { CommandSupport.warn(w) }
        do {
            let report = try BaselineChecker.check(current: loaded.records, baseline: stored, mode: checkMode,
                                                   tolerances: tolerances, damaged: loaded.damagedByRunId)
            return Outcome(text: report.text, regressed: report.regressed)
        } catch {
            throw HarnessError.input("\(error)")
        }
    }
}
