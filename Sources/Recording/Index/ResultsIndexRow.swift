import Support

/// One run in `results/<grid>/index.json`: identity, status and final metrics of
/// one run file, taken from its root attributes and the last value of its curves.
///
/// In JSON every key is always present (sorted, snake_case), `null` when the run
/// file lacks the value; numbers are written by `ExactNumber` (shortest round
/// trip; non-finite ones as the strings `"nan"`, `"inf"` and `"-inf"`, as in baselines).
public struct ResultsIndexRow: Sendable, Equatable {
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
        let stem = ResultsLayout.runID(fileName: file)
        let counters = [RunFileNames.Attribute.fEvals, RunFileNames.Attribute.gEvals, RunFileNames.Attribute.hvEvals].map { run.int($0) }
        let evals: Int64?
        if counters.contains(where: { $0 != nil }) {
            evals = counters.reduce(Int64(0)) { $0 &+ ($1 ?? 0) }
        } else {
            evals = header.finalCurveValues[RunFileNames.Curve.evals].flatMap { Int64(exactly: $0) }
        }
        self.init(runID: run.string(RunFileNames.Attribute.runID) ?? stem, status: run.string(RunFileNames.Attribute.status), dataset: run.string(RunFileNames.Attribute.dataset),
                  model: run.string(RunFileNames.Attribute.model), optimizer: run.string(RunFileNames.Attribute.optimizer),
                  regularizer: run.string(RunFileNames.Attribute.regularizer), seed: run.int(RunFileNames.Attribute.seed),
                  trainLoss: header.finalCurveValues[RunFileNames.Curve.trainLoss], valLoss: header.finalCurveValues[RunFileNames.Curve.valLoss],
                  valAccuracy: header.finalCurveValues[RunFileNames.Curve.valAccuracy], stepsDone: run.int(RunFileNames.Attribute.stepsDone),
                  evals: evals, wallTimeS: run.double(RunFileNames.Attribute.wallTimeS) ?? header.finalCurveValues[RunFileNames.Curve.wallTime],
                  digest: run.string(RunFileNames.Attribute.digest), file: file)
    }

    /// The row as a JSON object; absent values are `null` rather than left out.
    public var json: JSONNode {
        func text(_ value: String?) -> JSONNode { value.map(JSONNode.string) ?? .null }
        func integer(_ value: Int64?) -> JSONNode { value.map(ExactNumber.node) ?? .null }
        func real(_ value: Double?) -> JSONNode { value.map(ExactNumber.node) ?? .null }
        return .object([
            "run_id": .string(runID), "status": text(status), "dataset": text(dataset), "model": text(model),
            "optimizer": text(optimizer), "regularizer": text(regularizer), "seed": integer(seed),
            "train_loss": real(trainLoss), "val_loss": real(valLoss), "val_accuracy": real(valAccuracy),
            "steps_done": integer(stepsDone), "evals": integer(evals), "wall_time_s": real(wallTimeS),
            "digest": text(digest), "file": .string(file),
        ])
    }

    /// The row that `json` wrote; nil when `node` is not such an object (a key
    /// missing, or a value of the wrong kind).
    public init?(json node: JSONNode) {
        guard case .object(let m) = node, case .string(let runID)? = m["run_id"],
              case .string(let file)? = m["file"] else { return nil }
        var malformed = false
        func text(_ key: String) -> String? {
            switch m[key] {
            case .string(let value)?: return value
            case .null?: return nil
            default: malformed = true; return nil
            }
        }
        func integer(_ key: String) -> Int64? {
            guard let value = m[key], value != .null else { if m[key] == nil { malformed = true }; return nil }
            guard let n = ExactNumber.int64(value) else { malformed = true; return nil }
            return n
        }
        func real(_ key: String) -> Double? {
            guard let value = m[key], value != .null else { if m[key] == nil { malformed = true }; return nil }
            guard let x = ExactNumber.double(value) else { malformed = true; return nil }
            return x
        }
        self.init(runID: runID, status: text("status"), dataset: text("dataset"), model: text("model"),
                  optimizer: text("optimizer"), regularizer: text("regularizer"), seed: integer("seed"),
                  trainLoss: real("train_loss"), valLoss: real("val_loss"), valAccuracy: real("val_accuracy"),
                  stepsDone: integer("steps_done"), evals: integer("evals"), wallTimeS: real("wall_time_s"),
                  digest: text("digest"), file: file)
        if malformed { return nil }
    }
}
