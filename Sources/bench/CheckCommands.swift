import ArgumentParser
import Foundation
import Harness

/// `bench baseline RESULTS_DIR`: stores a compact baseline of a results folder.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baseline",
                                                    abstract: "Store a results folder as a baseline.")
    @Argument(help: "Results folder (holding runs/*.h5).") var results: String
    @Option(help: "Baseline folder (default: results/baselines/<grid name>).") var to: String?
    @Flag(help: "Also store final tensors.") var tensors = false

    func run() throws {
        let dir = try BaselineActions.store(results: URL(fileURLWithPath: results), to: to.map { URL(fileURLWithPath: $0) },
                                            includeTensors: tensors)
        print("baseline stored in \(dir.path)")
    }
}

/// `bench check RESULTS_DIR|GRID.yaml --baseline DIR`: compares results with a
/// stored baseline; exit 0 when nothing regressed, 1 on a regression, 2 on bad input.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
                                                    abstract: "Compare results with a stored baseline.")
    @Argument(help: "Results folder, or a grid file with --rerun.") var target: String
    @Option(help: "Baseline folder.") var baseline: String
    @Option(help: "exact (default), tolerance or statistical.") var mode: String = "exact"
    @Option(help: "Per-metric tolerances, e.g. 'val_loss=rtol:1e-3,atol:1e-6;default=rtol:1e-6'.") var tolerance: String?
    @Flag(help: "Run the grid into a temporary folder and compare that.") var rerun = false
    @Flag(help: "Re-store the baseline from these results instead of comparing.") var regen = false
    @Option(help: "Cells run concurrently with --rerun.") var jobs: Int = 1
    @Option(help: "Threads inside one run with --rerun.") var threads: Int = 1
    @Option(help: "With --rerun, refuse grids of more cells than this.") var maxCells: Int = GridSize.defaultMaxCells
    @Option(help: "With --rerun, refuse cells estimated to need more memory than this (e.g. 8G, 50%).")
    var maxMemory: String?

    func run() throws {
        let outcome = try BaselineActions.check(target: target, baseline: URL(fileURLWithPath: baseline), mode: mode,
                                                tolerance: tolerance, rerun: rerun, regenerate: regen,
                                                jobs: jobs, threads: threads, maxCells: maxCells,
                                                maxMemory: try maxMemory.map(MemoryLimit.init(parsing:)) ?? .default)
        print(outcome.text)
        if outcome.regressed { throw ExitCode(1) }
    }
}
