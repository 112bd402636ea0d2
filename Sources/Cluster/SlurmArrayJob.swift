/// A grid's Slurm submission as files on disk: the job-array script, and
/// optionally the report script that runs once every task succeeded.
public struct SlurmArrayJob: Sendable {
    public let options: SlurmOptions
    /// Where the array script is written.
    public let scriptPath: String
    /// Where the report script is written, or nil for no report job.
    public let reportScriptPath: String?

    /// Checks `options`; the scripts default to `<logDirectory>/<jobName>.sbatch`
    /// and `<logDirectory>/<jobName>-report.sbatch` (only when `reportAfter`).
    public init(options: SlurmOptions, scriptPath: String? = nil, reportAfter: Bool = false,
                reportScriptPath: String? = nil) throws(ClusterError) {
        try options.validate()
        self.options = options
        self.scriptPath = scriptPath ?? SlurmOptions.join(options.logDirectory, options.jobName + ".sbatch")
        self.reportScriptPath = reportAfter
            ? (reportScriptPath ?? SlurmOptions.join(options.logDirectory, options.jobName + "-report.sbatch"))
            : nil
    }

    /// The array script's text.
    public var script: String { SlurmScript.render(options: options) }

    /// The report script's text, when there is a report job.
    public var reportScript: String? { reportScriptPath == nil ? nil : SlurmScript.renderReport(options: options) }

    /// Creates the log folder (Slurm silently drops the output of tasks whose
    /// log folder is missing) and writes the scripts atomically.
    public func write() throws(ClusterError) {
        try ScriptFile.createFolder(options.logDirectory)
        try ScriptFile.write(script, to: scriptPath)
        if let reportScriptPath, let reportScript {
            try ScriptFile.write(reportScript, to: reportScriptPath)
        }
    }

    /// Checks that `sbatch` exists before writing anything, writes the
    /// scripts, submits the array and then the report job depending on it. If
    /// the report job is refused, the array job is cancelled so that no
    /// half-submitted pair is left behind.
    public func submit(using submitter: SlurmSubmitter) throws(ClusterError) -> SlurmSubmission {
        _ = try submitter.requireTool("sbatch")
        try write()
        let jobId = try submitter.submit(scriptPath: scriptPath)
        guard let reportScriptPath else { return SlurmSubmission(jobId: jobId, reportJobId: nil) }
        do {
            let reportId = try submitter.submitDependent(scriptPath: reportScriptPath, afterJob: jobId)
            return SlurmSubmission(jobId: jobId, reportJobId: reportId)
        } catch {
            let undo: String
            do {
                try submitter.cancel(jobId: jobId)
                undo = "array job \(jobId) was cancelled"
            } catch let cancelError {
                undo = "array job \(jobId) could not be cancelled (\(cancelError)); run: scancel \(jobId)"
            }
            throw .submissionFailed("report job: \(error.description); \(undo)")
        }
    }
}

/// Job ids of a submitted grid.
public struct SlurmSubmission: Sendable, Equatable {
    /// The job array's id (`<id>_<i>` names task i).
    public var jobId: String
    /// The dependent report job's id, when one was submitted.
    public var reportJobId: String?

    public init(jobId: String, reportJobId: String?) {
        self.jobId = jobId
        self.reportJobId = reportJobId
    }
}
