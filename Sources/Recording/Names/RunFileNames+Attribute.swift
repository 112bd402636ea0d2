extension RunFileNames {
    /// Names of the root attributes of a run file.
    public enum Attribute {
        /// The run's id (16 hex digits hashing its canonical configuration).
        public static let runID = "run_id"
        /// The grid the run belongs to.
        public static let grid = "grid"
        /// Canonical names of the run's components.
        public static let dataset = "dataset", model = "model", optimizer = "optimizer", regularizer = "regularizer"
        /// Registry ids of the run's components (without parameters).
        public static let datasetID = "dataset_id", modelID = "model_id", optimizerID = "optimizer_id",
                           regularizerID = "regularizer_id"
        /// The family the optimizer declares (`first_order`, `quasi_newton`, `second_order`).
        public static let optimizerFamily = "optimizer_family"
        /// The seed and element type of the run.
        public static let seed = "seed", dtype = "dtype"
        /// The canonical JSON of the cell and of the optimizer's parameters.
        public static let config = "config", optimizerParams = "optimizer_params"
        /// How the run ended (`completed`, `diverged`, `timeout`, `failed`), why it
        /// stopped, and the error text of a failed run.
        public static let status = "status", stopReason = "stop_reason", error = "error"
        /// Worker threads the run used (not part of the run id).
        public static let threads = "threads"
        /// True when the run's results depend on sampling (minibatches), so a
        /// statistical rather than exact check applies.
        public static let stochastic = "stochastic"
        /// The engine version the run was made with.
        public static let engineVersion = "engine_version"
        /// The run-file format version (`RunFileSchema`); files without it are version 1.
        public static let schemaVersion = "schema_version"
        /// The version of the bench tool that wrote the file.
        public static let benchVersion = "bench_version"
        /// The git commit of the checkout the writing executable was built in, or "unknown".
        public static let sourceCommit = "source_commit"
        /// The machine the run trained on: host name, CPU model, the instruction
        /// set the numeric code was compiled for, and the operating system.
        public static let hostName = "host_name", cpuModel = "cpu_model", instructionSet = "instruction_set",
                           operatingSystem = "operating_system"
        /// When the run started and ended (UTC, ISO 8601).
        public static let startTime = "start_time", endTime = "end_time"
        /// The number of trainable parameters.
        public static let paramCount = "param_count"
        /// Training steps done and evaluation counters (objective, gradient, Hessian-vector).
        public static let stepsDone = "steps_done", fEvals = "f_evals", gEvals = "g_evals", hvEvals = "hv_evals"
        /// Seconds of wall time for the whole run and for evaluations.
        public static let wallTimeS = "wall_time_s", evalTimeS = "eval_time_s"
        /// Peak resident memory of the process in bytes.
        public static let peakRSSBytes = "peak_rss_bytes"
        /// The content digest (`RunDigest`).
        public static let digest = "digest"
        /// The objective at the end of a test-function run, and its known minimum.
        public static let finalObjective = "final_objective", fStar = "f_star"
        /// The step early stopping chose, and the step whose parameters were restored.
        public static let earlyStoppingStep = "early_stopping_step", restoredStep = "restored_step"
        /// Loss and accuracy on the test split.
        public static let testLoss = "test_loss", testAccuracy = "test_accuracy"
        /// Effort and time spent on curvature diagnostics.
        public static let diagnosticsHvEvals = "diagnostics_hv_evals", diagnosticsTimeS = "diagnostics_time_s"
    }
}
