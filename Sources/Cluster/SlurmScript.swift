/// The text of the batch scripts handed to `sbatch`: the job array that runs
/// one shard of the grid per task, and the report job that runs after it.
/// Pure functions of `SlurmOptions`, so the same options always give the same
/// bytes.
public enum SlurmScript {
    /// The job-array script: `#SBATCH --array=0-(N-1)`, and task i runs
    /// `bench run GRID --shard i/N --results DIR --threads T --no-report --quiet`.
    /// Shards write their own run files and skip completed cells, so
    /// resubmitting the same script finishes a partly done array.
    public static func render(options: SlurmOptions) -> String {
        requireValid(options)
        var lines = ["#!/bin/bash",
                     "#SBATCH --job-name=\(options.jobName)",
                     "#SBATCH --array=0-\(options.tasks - 1)",
                     "#SBATCH --output=\(ShellQuote.sbatchOutput(directory: options.logDirectory, pattern: "%x-%A_%a.out"))"]
        lines += schedulerLines(options, cpus: options.cpusPerTask)
        lines += ["set -euo pipefail",
                  ": \"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch}\"",
                  "cd \(ShellQuote.bash(options.workingDirectory))",
                  "exec \(ShellQuote.bash(options.benchExecutable)) run \(ShellQuote.bash(options.gridPath))"
                    + " --shard \"${SLURM_ARRAY_TASK_ID}/\(options.tasks)\""
                    + " --results \(ShellQuote.bash(options.resultsDirectory))"
                    + " --threads \(options.threadsPerRun) --no-report --quiet"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report script, meant to be submitted with
    /// `--dependency=afterok:<array job id>`: one CPU running
    /// `bench report DIR`, which rebuilds the index and plots from the run
    /// files alone once every shard is done.
    public static func renderReport(options: SlurmOptions) -> String {
        requireValid(options)
        var lines = ["#!/bin/bash",
                     "#SBATCH --job-name=\(options.jobName)-report",
                     "#SBATCH --output=\(ShellQuote.sbatchOutput(directory: options.logDirectory, pattern: "%x-%j.out"))"]
        lines += schedulerLines(options, cpus: 1)
        var report = "exec \(ShellQuote.bash(options.benchExecutable)) report \(ShellQuote.bash(options.resultsDirectory))"
        if let out = options.reportDirectory { report += " --out \(ShellQuote.bash(out))" }
        lines += ["set -euo pipefail",
                  "cd \(ShellQuote.bash(options.workingDirectory))",
                  report]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func schedulerLines(_ options: SlurmOptions, cpus: Int) -> [String] {
        var lines: [String] = []
        if let p = options.partition { lines.append("#SBATCH --partition=\(p)") }
        if let t = options.time { lines.append("#SBATCH --time=\(t)") }
        lines.append("#SBATCH --cpus-per-task=\(cpus)")
        lines += options.extraOptions.map { "#SBATCH " + SbatchOption.directiveWord($0) }
        return lines
    }

    private static func requireValid(_ options: SlurmOptions) {
        do { try options.validate() } catch { preconditionFailure("render validated options only: \(error)") }
    }
}
