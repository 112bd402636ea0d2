/// Everything a Slurm job array for one grid needs: where bench and the grid
/// are, how many array tasks share the cells, and what each task asks of the
/// scheduler. Paths are absolute because the tasks run on other machines,
/// later, from whatever folder Slurm starts them in.
public struct SlurmOptions: Sendable, Equatable {
    /// Absolute path of the grid file.
    public var gridPath: String
    /// Absolute path of the bench executable the tasks run.
    public var benchExecutable: String
    /// Number of array tasks N; task i runs shard i/N of the cells.
    public var tasks: Int
    /// Absolute path of the shared results folder every task writes into.
    public var resultsDirectory: String
    /// `--partition`, or nil for the cluster's default partition.
    public var partition: String?
    /// `--time` as `HH:MM:SS` or `D-HH:MM:SS`, or nil for the partition's default.
    public var time: String?
    /// `--cpus-per-task`.
    public var cpusPerTask: Int
    /// `--job-name`: letters, digits, `.`, `_` and `-` only.
    public var jobName: String
    /// Absolute folder of the tasks' stdout/stderr files (`%x-%A_%a.out`).
    public var logDirectory: String
    /// Absolute folder the tasks `cd` into before running bench.
    public var workingDirectory: String
    /// `bench run --threads` of each task.
    public var threadsPerRun: Int
    /// `bench report --out` of the report job, or nil for bench's default.
    public var reportDirectory: String?
    /// Further sbatch options (`--account=proj`, `--mem=8G`), one argument each,
    /// written verbatim as `#SBATCH` lines of both scripts (`SbatchOption`).
    public var extraOptions: [String]

    /// Options with the usual defaults: the job is named after the grid file
    /// (`bench-<stem>`), logs go to `<results>/slurm`, and each run uses as many
    /// threads as the task has CPUs.
    public init(gridPath: String, benchExecutable: String, tasks: Int, resultsDirectory: String,
                workingDirectory: String, partition: String? = nil, time: String? = nil,
                cpusPerTask: Int = 1, jobName: String? = nil, logDirectory: String? = nil,
                threadsPerRun: Int? = nil, reportDirectory: String? = nil, extraOptions: [String] = []) {
        self.gridPath = gridPath
        self.benchExecutable = benchExecutable
        self.tasks = tasks
        self.resultsDirectory = resultsDirectory
        self.workingDirectory = workingDirectory
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.jobName = jobName ?? SlurmOptions.sanitizedJobName("bench-" + SlurmOptions.stem(of: gridPath))
        self.logDirectory = logDirectory ?? SlurmOptions.join(resultsDirectory, "slurm")
        self.threadsPerRun = threadsPerRun ?? cpusPerTask
        self.reportDirectory = reportDirectory
        self.extraOptions = extraOptions
    }

    /// Throws the first problem that would make the job script wrong or unsafe.
    public func validate() throws(ClusterError) {
        guard tasks >= 1 else { throw .invalidOption("--tasks must be at least 1, got \(tasks)") }
        guard cpusPerTask >= 1 else { throw .invalidOption("--cpus-per-task must be at least 1, got \(cpusPerTask)") }
        guard threadsPerRun >= 1 else { throw .invalidOption("threads per run must be at least 1, got \(threadsPerRun)") }
        if let time, SlurmTimeLimit.seconds(time) == nil {
            throw .invalidOption("--time must look like HH:MM:SS or D-HH:MM:SS (for example 02:30:00 or 1-12:00:00), got '\(time)'")
        }
        if let partition, partition.isEmpty || !partition.unicodeScalars.allSatisfy({ Self.isNameCharacter($0) || $0 == "," }) {
            throw .invalidOption("--partition must be a Slurm partition name (letters, digits, '.', '_', '-', ',' between names), got '\(partition)'")
        }
        guard !jobName.isEmpty, jobName.unicodeScalars.allSatisfy(Self.isNameCharacter) else {
            throw .invalidOption("job name must use only letters, digits, '.', '_' and '-', got '\(jobName)' (try '\(Self.sanitizedJobName(jobName))')")
        }
        let paths: [(String, String)] = [("grid path", gridPath), ("bench executable", benchExecutable),
                                         ("results folder", resultsDirectory), ("log folder", logDirectory),
                                         ("working folder", workingDirectory)]
            + (reportDirectory.map { [("report folder", $0)] } ?? [])
        for (what, path) in paths {
            guard path.hasPrefix("/") else { throw .invalidOption("\(what) must be an absolute path, got '\(path)'") }
            guard !path.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" }) else {
                throw .invalidOption("\(what) must not contain line breaks or NUL characters: '\(path)'")
            }
        }
        for option in extraOptions { try SbatchOption.validate(option) }
        guard !logDirectory.contains("\\") else {
            throw .invalidOption("log folder must not contain a backslash (Slurm writes no output for such paths): '\(logDirectory)'")
        }
    }

    /// `raw` with every character Slurm job names should not carry replaced by
    /// `-`; "bench" when nothing usable remains.
    public static func sanitizedJobName(_ raw: String) -> String {
        let mapped = String(String.UnicodeScalarView(raw.unicodeScalars.map { isNameCharacter($0) ? $0 : "-" }))
        return mapped.allSatisfy({ $0 == "-" }) ? "bench" : mapped
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-")
    }

    /// The file name of `path` without folder and extension (`/a/quick.yaml` -> `quick`).
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
