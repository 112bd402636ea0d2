import ArgumentParser
import Cluster
import Foundation
import Harness
import Recording

/// `bench slurm GRID.yaml`: writes a Slurm job-array script whose task i runs
/// `bench run GRID.yaml --shard i/N`, prints it, and with `--submit` submits it.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm", abstract: "Run a grid as a Slurm job array (one shard per task).")

    @Argument(help: "Grid file (YAML).") var grid: String
    @Option(help: "Array tasks (shards).") var tasks: Int = 4
    @Option(help: "Results folder shared by the tasks (default: results/<grid name>).") var results: String?
    @Option(help: "Slurm partition.") var partition: String?
    @Option(help: "Time limit per task, HH:MM:SS or D-HH:MM:SS.") var time: String?
    @Option(help: "CPUs per task (also the threads of each run).") var cpusPerTask: Int = 1
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Another sbatch option for both scripts, verbatim, as one argument (--account=proj, --mem=8G); repeatable.",
                               valueName: "option"))
    var sbatchOption: [String] = []
    @Flag(help: "Submit the script with sbatch and print the job id.") var submit = false
    @Flag(help: "Also submit a dependent job that renders the report after all tasks succeed.") var reportAfter = false
    @Flag(help: "Wait until the array has finished (with --submit).") var wait = false

    func run() throws {
        let loaded = try CommandSupport.loadGrid(grid)
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : URL(fileURLWithPath: cwd).appendingPathComponent(p).standardized.path }
        let resultsDir = absolute(results ?? "\(ResultsLayout.rootFolderName)/\(loaded.name)")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        do {
            let options = SlurmOptions(gridPath: absolute(grid), benchExecutable: absolute(executable), tasks: tasks,
                                       resultsDirectory: resultsDir, workingDirectory: cwd, partition: partition,
                                       time: time, cpusPerTask: cpusPerTask,
                                       reportDirectory: absolute("reports/\(loaded.name)"), extraOptions: sbatchOption)
            let job = try SlurmArrayJob(options: options, reportAfter: reportAfter)
            print(job.script)
            if !submit {
                try job.write()
                print("# written to \(job.scriptPath); submit with: sbatch \(job.scriptPath)")
                return
            }
            let submitter = SlurmSubmitter()
            let submission = try job.submit(using: submitter)
            print("submitted job \(submission.jobId)" + (submission.reportJobId.map { ", report job \($0)" } ?? ""))
            if wait {
                let states = try submitter.waitForCompletion(jobId: submission.jobId, timeout: 24 * 3600)
                let failed = states.filter { $0.isKnown && !$0.succeeded }
                print("job \(submission.jobId) finished: \(states.count) task states, \(failed.count) failed")
                if !failed.isEmpty { throw ExitCode(1) }
            }
        } catch let error as ClusterError {
            throw HarnessError.input("\(error)")
        }
    }
}
