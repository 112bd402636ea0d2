/// The final state of one task of a finished job, as Slurm recorded it.
public struct TaskState: Sendable, Equatable {
    /// Slurm's id of the task: `<job>_<index>` for array tasks, `<job>` otherwise.
    public var jobId: String
    /// The array index, or nil for a job that is not an array (or unknown).
    public var arrayIndex: Int?
    /// Slurm's state word (`COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`,
    /// `OUT_OF_MEMORY`, ...), or `UNKNOWN` when the cluster kept no record.
    public var state: String
    /// Exit status of the batch script, when known.
    public var exitCode: Int?
    /// Signal that ended the batch script (0 for none), when known.
    public var signal: Int?

    public init(jobId: String, arrayIndex: Int?, state: String, exitCode: Int?, signal: Int?) {
        self.jobId = jobId
        self.arrayIndex = arrayIndex
        self.state = state
        self.exitCode = exitCode
        self.signal = signal
    }

    /// The single entry reported when neither accounting (`sacct`) nor the
    /// controller (`scontrol`) remembers the job: the caller must judge success
    /// from the files the tasks were meant to write.
    public static func unknown(jobId: String) -> TaskState {
        TaskState(jobId: jobId, arrayIndex: nil, state: "UNKNOWN", exitCode: nil, signal: nil)
    }

    /// True when the state is known.
    public var isKnown: Bool { state != "UNKNOWN" }

    /// True for a task that ended `COMPLETED` with exit status 0.
    public var succeeded: Bool { state == "COMPLETED" && exitCode == 0 }
}
