import Foundation

/// Talks to a Slurm cluster through its command-line tools (`sbatch`,
/// `squeue`, `sacct`, `scontrol`, `scancel`), found on the `PATH` of
/// `environment`, which is also the environment the tools run with.
public struct SlurmSubmitter: Sendable {
    /// Debian package that provides the Slurm client tools.
    public static let package = "slurm-wlm"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Absolute path of `tool` on `PATH`, or `.missingTool` naming slurm-wlm.
    public func requireTool(_ tool: String) throws(ClusterError) -> String {
        guard let path = ToolLocator.locate(tool, environment: environment) else {
            throw .missingTool(tool, package: Self.package)
        }
        return path
    }

    /// Submits the batch script at `scriptPath` with `sbatch --parsable` and
    /// returns the job id Slurm assigned.
    public func submit(scriptPath: String) throws(ClusterError) -> String {
        try sbatch(["--parsable", scriptPath])
    }

    /// Submits `scriptPath` to start only after every task of `afterJob`
    /// completed successfully (`--dependency=afterok:<id>`).
    public func submitDependent(scriptPath: String, afterJob: String) throws(ClusterError) -> String {
        guard Self.isJobId(afterJob) else { throw .invalidOption("not a Slurm job id: '\(afterJob)'") }
        return try sbatch(["--parsable", "--dependency=afterok:\(afterJob)", scriptPath])
    }

    /// Cancels every task of `jobId` (`scancel`); the error says why it failed.
    public func cancel(jobId: String) throws(ClusterError) {
        guard Self.isJobId(jobId) else { throw .invalidOption("not a Slurm job id: '\(jobId)'") }
        let result = try ProcessRunner.run(try requireTool("scancel"), [jobId], environment: environment)
        guard result.status == 0 else { throw .submissionFailed(Self.message(result, tool: "scancel")) }
    }

    /// Polls `squeue -h -j <id>` every `pollInterval` seconds until the job has
    /// left the queue, then reads the tasks' final states: from accounting
    /// (`sacct`) when the cluster keeps it, else from the controller's memory
    /// of recent jobs (`scontrol show job`, kept for `MinJobAge`, 300 s by
    /// default), else a single `TaskState.unknown`, in which case the caller
    /// has to check the tasks' output files. Throws `.timedOut` when the job is
    /// still queued after `timeout` seconds, and `.neverStarts` when it waits
    /// for a dependency that failed.
    public func waitForCompletion(jobId: String, timeout: Double,
                                  pollInterval: Double = 1) throws(ClusterError) -> [TaskState] {
        guard Self.isJobId(jobId) else { throw .invalidOption("not a Slurm job id: '\(jobId)'") }
        precondition(timeout >= 0 && pollInterval > 0, "timeout >= 0 and pollInterval > 0")
        let squeue = try requireTool("squeue")
        let deadline = Date().addingTimeInterval(timeout)
        var lastError: String?
        while true {
            let result = try ProcessRunner.run(squeue, ["-h", "-j", jobId, "-o", "%i %T %r"], environment: environment)
            let rows = result.stdout.split(whereSeparator: \.isNewline).map { $0.split(separator: " ") }
            if result.status == 0 && rows.isEmpty { break }
            // Slurm keeps such a job pending forever unless configured with
            // DependencyParameters=kill_invalid_depend.
            if result.status == 0 && rows.allSatisfy({ $0.last == "DependencyNeverSatisfied" }) {
                throw .neverStarts(jobId: jobId, reason: "DependencyNeverSatisfied")
            }
            // The controller forgets finished jobs after MinJobAge; squeue then
            // rejects the id, which also means the job is done.
            if result.status != 0 && result.stderr.contains("Invalid job id") { break }
            if result.status != 0 { lastError = Self.message(result, tool: "squeue") }
            if Date() >= deadline { throw .timedOut(jobId: jobId, seconds: timeout, lastError: lastError) }
            Thread.sleep(forTimeInterval: pollInterval)
        }
        return try finalStates(jobId: jobId)
    }

    /// The recorded states of a job that has left the queue.
    public func finalStates(jobId: String) throws(ClusterError) -> [TaskState] {
        if let sacct = ToolLocator.locate("sacct", environment: environment) {
            let result = try ProcessRunner.run(sacct, ["-n", "-P", "-j", jobId, "--format=JobID,State,ExitCode"],
                                               environment: environment)
            let states = result.status == 0 ? TaskStateParser.parseSacct(result.stdout) : []
            if !states.isEmpty { return states }
        }
        if let scontrol = ToolLocator.locate("scontrol", environment: environment) {
            let result = try ProcessRunner.run(scontrol, ["show", "job", "-o", jobId], environment: environment)
            let states = result.status == 0 ? TaskStateParser.parseScontrol(result.stdout) : []
            if !states.isEmpty { return states }
        }
        return [.unknown(jobId: jobId)]
    }

    /// True for the decimal ids `sbatch --parsable` prints.
    public static func isJobId(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 20 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private func sbatch(_ arguments: [String]) throws(ClusterError) -> String {
        let result = try ProcessRunner.run(try requireTool("sbatch"), arguments, environment: environment)
        guard result.status == 0 else { throw .submissionFailed(Self.message(result, tool: "sbatch")) }
        // --parsable prints "<id>" or "<id>;<cluster>" on federated setups.
        let firstLine = result.stdout.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let id = String(firstLine.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces)
        guard Self.isJobId(id) else {
            throw .submissionFailed("sbatch printed no job id (stdout: '\(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))')")
        }
        return id
    }

    /// The tool's own complaint, or its exit status when it said nothing.
    private static func message(_ result: ProcessOutput, tool: String) -> String {
        let err = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        if !err.isEmpty { return err }
        let out = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return out.isEmpty ? "\(tool) exited with status \(result.status)" : out
    }
}
