/// Errors of cluster submission that reach the user; each says what to fix.
/// Every case is a user-facing failure (exit status 2 on the command line).
public enum ClusterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An option value that cannot produce a valid job script.
    case invalidOption(String)
    /// A Slurm command is not on `PATH`; `package` is the Debian package providing it.
    case missingTool(String, package: String)
    /// `sbatch` refused the script; the payload is Slurm's own message.
    case submissionFailed(String)
    /// The job was still queued or running when the wait gave up.
    case timedOut(jobId: String, seconds: Double, lastError: String?)
    /// The job waits for a dependency that failed, so it will never start.
    case neverStarts(jobId: String, reason: String)
    /// A file or folder could not be written.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidOption(let message):
            return message
        case .missingTool(let tool, let package):
            return "\(tool) not found on PATH: install the Debian package \(package) (apt-get install \(package)) or run this on a Slurm login node"
        case .submissionFailed(let message):
            return "Slurm rejected the job: \(message)"
        case .timedOut(let id, let seconds, let lastError):
            let detail = lastError.map { " (last squeue error: \($0))" } ?? ""
            return "job \(id) still in the queue after \(seconds) s\(detail)"
        case .neverStarts(let id, let reason):
            return "job \(id) will never start (\(reason): a job it depends on did not succeed); remove it with: scancel \(id)"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
