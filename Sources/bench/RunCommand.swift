import ArgumentParser
import Foundation
import Harness

/// `bench run GRID.yaml`: runs the missing cells, then renders the report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the missing cells of a grid, then render its report.")

    @Argument(help: "Grid file (YAML).") var grid: String
    @Option(help: "Results folder (default: results/<grid name>).") var results: String?
    @Option(help: "Cells run concurrently.") var jobs: Int = 1
    @Option(help: "Threads inside one run (matrix products).") var threads: Int = 1
    @Option(help: "Run only share I of N of the cells (I/N, 0-based).") var shard: String?
    @Option(help: "Report folder (default: reports/<grid name>).") var reportDir: String?
    @Flag(help: "Do not render the report afterwards.") var noReport = false
    @Flag(help: "No progress output.") var quiet = false
    @Option(help: "Refuse grids of more cells than this.") var maxCells: Int = GridSize.defaultMaxCells
    @Option(help: "Refuse cells estimated to need more memory than this (e.g. 8G, 512M, 50%; default 80% of physical memory).")
    var maxMemory: String?

    func run() throws {
        guard jobs >= 1 else { throw HarnessError.input("--jobs must be at least 1, got \(jobs)") }
        guard threads >= 1 else { throw HarnessError.input("--threads must be at least 1, got \(threads)") }
        let memory = try maxMemory.map(MemoryLimit.init(parsing:)) ?? .default
        let loaded = try CommandSupport.loadGrid(grid, maxCells: maxCells, maxMemory: memory)
        var runner = GridRunner(grid: loaded, resultsDirectory: CommandSupport.resultsURL(results, grid: loaded),
                                dataRoot: CommandSupport.dataRoot(forGrid: grid))
        runner.jobs = jobs
        runner.threads = threads
        runner.quiet = quiet
        runner.memoryLimit = memory
        if let s = shard { runner.shard = try Shard(parsing: s) }
        let summary = try runner.run()
        for w in summary.warnings { CommandSupport.warn(w) }
        print(try RunSummaryTable.render(resultsDirectory: runner.resultsDirectory, summary: summary))
        if !noReport && shard == nil {
            let out = CommandSupport.reportURL(reportDir, grid: loaded.name)
            let index = try ReportCommandRunner.render(resultsDirectory: runner.resultsDirectory, output: out,
                                                       gridConfig: try? String(contentsOfFile: loaded.sourcePath, encoding: .utf8))
            print("report: \(index)")
        }
    }
}

/// `bench list GRID.yaml`: the cells and their run ids, without running.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a grid's cells and run ids.")
    @Argument(help: "Grid file (YAML).") var grid: String
    @Option(help: "List only share I of N of the cells.") var shard: String?
    @Option(help: "Refuse grids of more cells than this.") var maxCells: Int = GridSize.defaultMaxCells
    @Option(help: "Refuse cells estimated to need more memory than this (e.g. 8G, 512M, 50%; default 80% of physical memory).")
    var maxMemory: String?

    func run() throws {
        let memory = try maxMemory.map(MemoryLimit.init(parsing:)) ?? .default
        let sh = try shard.map(Shard.init(parsing:))
        let loaded = try CommandSupport.loadGrid(grid, maxCells: maxCells, maxMemory: memory)
        if let sh {
            var g = loaded
            g.cells = sh.select(loaded.cells)
            print(g.listing, terminator: "")
        } else {
            print(loaded.listing, terminator: "")
        }
    }
}

/// `bench show RUN.h5`: a run file's configuration, status and final metrics.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Describe one run file.")
    @Argument(help: "Run file (.h5).") var file: String

    func run() throws {
        print(try CommandSupport.describeRunFile(file))
    }
}

/// `bench report RESULTS_DIR`: plots, tables and an index page from run files alone.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Render a results folder's report.")
    @Argument(help: "Results folder (holding runs/*.h5).") var results: String
    @Option(help: "Output folder (default: reports/<grid name>).") var out: String?
    @Flag(help: "Also write PDF figures.") var pdf = false
    @Option(help: "Grid file to show on the index page (as `bench run` does).") var grid: String?

    func run() throws {
        let dir = URL(fileURLWithPath: results)
        let gridName = out == nil ? try CommandSupport.gridName(ofResults: dir, option: "--out") : ""
        var gridText: String? = nil
        if let grid {
            do { gridText = try String(contentsOfFile: grid, encoding: .utf8) } catch {
                throw HarnessError.input("\(grid): cannot read the grid file (--grid): \(error.localizedDescription)")
            }
        }
        let index = try ReportCommandRunner.render(resultsDirectory: dir, output: CommandSupport.reportURL(out, grid: gridName),
                                                   gridConfig: gridText, pdf: pdf)
        print("report: \(index)")
    }
}
