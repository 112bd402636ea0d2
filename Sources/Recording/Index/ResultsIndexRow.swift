/// One run in `results/<grid>/index.json`: identity, status and final metrics of
/// one run file, taken from its root attributes and the last value of its curves.
///
/// In JSON every key is always present (sorted, snake_case), `null` when the run
/// file lacks the value; non-finite numbers are the strings `"NaN"`,
/// `"Infinity"` and `"-Infinity"`.
public struct ResultsIndexRow: Sendable, Equatable, Codable {
    /// The `run_id` attribute (the file name without `.h5` if the attribute is missing).
    public var runID: String
    public var status: String?
    public var dataset: String?
    public var model: String?
    public var optimizer: String?
    public var regularizer: String?
    public var seed: Int64?
    /// `/curves/train_loss` at the kept point (`RunFileHeader`): the last point, or the one early stopping restored.
    public var trainLoss: Double?
    /// `/curves/val_loss` at the kept point.
    public var valLoss: Double?
    /// `/curves/val_accuracy` at the kept point.
    public var valAccuracy: Double?
    /// The `steps_done` attribute.
    public var stepsDone: Int64?
    /// `f_evals + g_evals + hv_evals` (attributes, absent ones counting 0), or the
    /// last value of `/curves/evals` when none of the three attributes exists.
    public var evals: Int64?
    /// The `wall_time_s` attribute, or the last value of `/curves/wall_time`.
    public var wallTimeS: Double?
    /// The `digest` attribute.
    public var digest: String?
    /// The run file's name inside `runs/`.
    public var file: String

    public init(runID: String, status: String? = nil, dataset: String? = nil, model: String? = nil,
                optimizer: String? = nil, regularizer: String? = nil, seed: Int64? = nil, trainLoss: Double? = nil,
                valLoss: Double? = nil, valAccuracy: Double? = nil, stepsDone: Int64? = nil, evals: Int64? = nil,
                wallTimeS: Double? = nil, digest: String? = nil, file: String) {
        self.runID = runID; self.status = status; self.dataset = dataset; self.model = model
        self.optimizer = optimizer; self.regularizer = regularizer; self.seed = seed; self.trainLoss = trainLoss
        self.valLoss = valLoss; self.valAccuracy = valAccuracy; self.stepsDone = stepsDone; self.evals = evals
        self.wallTimeS = wallTimeS; self.digest = digest; self.file = file
    }

    /// The row for the run file named `file` whose header is `header`.
    public init(header: RunFileHeader, file: String) {
        let run = RunRecord(attributes: header.attributes)
        let stem = file.hasSuffix(".h5") ? String(file.dropLast(3)) : file
        let counters = ["f_evals", "g_evals", "hv_evals"].map { run.int($0) }
        let evals: Int64?
        if counters.contains(where: { $0 != nil }) {
            evals = counters.reduce(Int64(0)) { $0 &+ ($1 ?? 0) }
        } else {
            evals = header.finalCurveValues["evals"].flatMap { Int64(exactly: $0) }
        }
        self.init(runID: run.string("run_id") ?? stem, status: run.string("status"), dataset: run.string("dataset"),
                  model: run.string("model"), optimizer: run.string("optimizer"),
                  regularizer: run.string("regularizer"), seed: run.int("seed"),
                  trainLoss: header.finalCurveValues["train_loss"], valLoss: header.finalCurveValues["val_loss"],
                  valAccuracy: header.finalCurveValues["val_accuracy"], stepsDone: run.int("steps_done"),
                  evals: evals, wallTimeS: run.double("wall_time_s") ?? header.finalCurveValues["wall_time"],
                  digest: run.string("digest"), file: file)
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", status, dataset, model, optimizer, regularizer, seed
        case trainLoss = "train_loss", valLoss = "val_loss", valAccuracy = "val_accuracy"
        case stepsDone = "steps_done", evals, wallTimeS = "wall_time_s", digest, file
    }

    /// Encodes absent values as `null` instead of leaving the key out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(runID, forKey: .runID)
        try c.encode(status, forKey: .status)
        try c.encode(dataset, forKey: .dataset)
        try c.encode(model, forKey: .model)
        try c.encode(optimizer, forKey: .optimizer)
        try c.encode(regularizer, forKey: .regularizer)
        try c.encode(seed, forKey: .seed)
        try c.encode(trainLoss, forKey: .trainLoss)
        try c.encode(valLoss, forKey: .valLoss)
        try c.encode(valAccuracy, forKey: .valAccuracy)
        try c.encode(stepsDone, forKey: .stepsDone)
        try c.encode(evals, forKey: .evals)
        try c.encode(wallTimeS, forKey: .wallTimeS)
        try c.encode(digest, forKey: .digest)
        try c.encode(file, forKey: .file)
    }
}
