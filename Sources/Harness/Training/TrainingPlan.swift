import GridLanguage
/// The resolved budget and schedule of one run.
public struct TrainingPlan: Sendable, Equatable {
    /// Optimizer steps to take (epochs are converted with the batcher's steps per epoch).
    public var totalSteps: Int
    /// Examples per step; nil = full batch.
    public var batchSize: Int?
    /// Evaluate every this many steps (and at the first and last step).
    public var evalEvery: Int
    /// Hard wall-clock limit in seconds, checked between steps.
    public var timeLimit: Double?
    /// Stop once the optimizer has used this many f + g + Hv evaluations.
    public var maxEvaluations: Int?
    /// Threads inside the run (GEMM).
    public var threads: Int
    /// Hessian diagnostics, when requested.
    public var hessian: HessianDiagnostics? = nil

    public init(totalSteps: Int, batchSize: Int?, evalEvery: Int, timeLimit: Double? = nil,
                maxEvaluations: Int? = nil, threads: Int = 1, hessian: HessianDiagnostics? = nil) {
        self.totalSteps = totalSteps; self.batchSize = batchSize; self.evalEvery = evalEvery
        self.timeLimit = timeLimit; self.maxEvaluations = maxEvaluations; self.threads = threads
        self.hessian = hessian
    }
}

/// How a run ended.
public enum RunStatus: String, Sendable {
    case completed, diverged, timeout, failed
}
