import Support
import Foundation
import Recording
import Support

/// The problem a run solves: a model on a data set (test functions have no data set).
struct ProblemKey: Hashable, Comparable, Sendable {
    let model: String
    let dataset: String

    /// Human-readable name, e.g. `mlp(hidden=[64]) on digits`.
    var label: String { dataset.isEmpty ? model : "\(model) on \(dataset)" }

    static func < (a: ProblemKey, b: ProblemKey) -> Bool {
        (a.model, a.dataset) < (b.model, b.dataset)
    }
}

/// What is compared on a problem: an optimizer (with its parameters) and a regularizer.
struct ConfigKey: Hashable, Comparable, Sendable {
    let optimizer: String
    let regularizer: String

    /// Legend label, e.g. `adam(lr=0.001) / l2(lambda=0.0001)`.
    var label: String { "\(optimizer) / \(regularizer)" }

    static func < (a: ConfigKey, b: ConfigKey) -> Bool {
        (a.optimizer, a.regularizer) < (b.optimizer, b.regularizer)
    }
}

/// A read-only view of one `RunRecord` in the terms reports use: identity,
/// status and curves aligned with the evaluation steps. Missing attributes get
/// stated fallbacks (`unknown`, empty data set) rather than failing, so a partly
/// written record still shows up in the status table.
struct RunView: Sendable {
    let record: RunRecord
    let problem: ProblemKey
    let config: ConfigKey
    let optimizerID: String
    /// `optimizer_params` exactly as stored (canonical JSON), `{}` when absent.
    let optimizerParamsJSON: String
    /// `optimizer_params` decoded; numbers become `Double`, booleans `Bool`, and
    /// everything else its JSON text.
    let optimizerParams: [String: ParamValue]
    /// The family the run's optimizer declares (`optimizer_family`), if recorded.
    let optimizerFamily: OptimizerFamily?
    let seed: Int64?
    let status: String
    let runID: String

    init(_ record: RunRecord) {
        self.record = record
        let model = RunView.text(record, RunFileNames.Attribute.model) ?? RunView.text(record, RunFileNames.Attribute.modelID) ?? "unknown"
        let dataset = RunView.text(record, RunFileNames.Attribute.dataset) ?? RunView.text(record, RunFileNames.Attribute.datasetID) ?? ""
        problem = ProblemKey(model: model, dataset: dataset == "none" ? "" : dataset)
        let optimizerID = RunView.text(record, RunFileNames.Attribute.optimizerID) ?? "unknown"
        self.optimizerID = optimizerID
        optimizerFamily = RunView.text(record, RunFileNames.Attribute.optimizerFamily).flatMap(OptimizerFamily.init(rawValue:))
        let json = RunView.text(record, RunFileNames.Attribute.optimizerParams) ?? "{}"
        optimizerParamsJSON = json
        optimizerParams = ParamValue.decodeObject(json)
        let optimizer = RunView.text(record, RunFileNames.Attribute.optimizer) ?? (json == "{}" ? optimizerID : "\(optimizerID)\(json)")
        let regularizer = RunView.text(record, RunFileNames.Attribute.regularizer) ?? RunView.text(record, RunFileNames.Attribute.regularizerID) ?? "none"
        config = ConfigKey(optimizer: optimizer, regularizer: regularizer)
        seed = record.int(RunFileNames.Attribute.seed)
        status = RunView.text(record, RunFileNames.Attribute.status) ?? "unknown"
        runID = RunView.text(record, RunFileNames.Attribute.runID) ?? ""
    }

    private static func text(_ record: RunRecord, _ name: String) -> String? {
        switch record.attributes[name] {
        case .string(let s)?: return s.isEmpty ? nil : s
        case .int(let v)?: return String(v)
        case .double(let v)?: return String(v)
        case nil: return nil
        }
    }

    /// The curve `name` when it is present and as long as the step list.
    func curve(_ name: String) -> [Double]? {
        guard let c = record.curves[name], c.count == record.steps.count, !c.isEmpty else { return nil }
        return c
    }

    /// Cumulative evaluations: the `evals` curve, else the sum of whichever of
    /// `f_evals`, `g_evals` and `hv_evals` exist; `nil` when none is recorded.
    var evaluations: [Double]? {
        if let e = curve(RunFileNames.Curve.evals) { return e }
        let parts = [RunFileNames.Curve.fEvals, RunFileNames.Curve.gEvals, RunFileNames.Curve.hvEvals].compactMap { curve($0) }
        guard let first = parts.first else { return nil }
        return parts.dropFirst().reduce(first) { acc, next in zip(acc, next).map { $0 + $1 } }
    }

    /// Seconds since the run started at each evaluation point.
    var wallTime: [Double]? {
        if record.wallTime.count == record.steps.count, !record.wallTime.isEmpty { return record.wallTime }
        return curve(RunFileNames.Curve.wallTime)
    }

    /// The x coordinates of the evaluation points on `axis`.
    func xValues(_ axis: XAxis) -> [Double]? {
        switch axis {
        case .step: return record.steps.isEmpty ? nil : record.steps.map(Double.init)
        case .evaluations: return evaluations
        case .wallTime: return wallTime
        }
    }

    /// Index of the kept evaluation point: the one whose parameters the run ended
    /// with (the point early stopping restored, `restored_step`, else the last).
    var keptIndex: Int? { RunFileHeader.keptIndex(steps: record.steps, attributes: record.attributes) }

    /// The value of `name` at the kept point (`keptIndex`), or `nil` when the curve
    /// is absent. For early-stopped runs this is the restored point, the one the
    /// test metrics and final tensors belong to.
    func final(_ name: String) -> Double? {
        guard let c = curve(name), let k = keptIndex else { return nil }
        return c[k]
    }

    /// Whether early stopping restored an earlier point than the last.
    var restoredEarlierPoint: Bool { keptIndex.map { $0 < record.steps.count - 1 } ?? false }

    /// A test-split metric (`test_loss`, `test_accuracy`) stored as a root attribute.
    func testMetric(_ name: String) -> Double? { record.double(name) }

    /// The first finite value of `name`.
    func firstFinite(_ name: String) -> Double? { curve(name)?.first(where: { $0.isFinite }) }

    /// True for analytic test functions (the record carries `f - f*`).
    var isTestFunction: Bool { curve(RunFileNames.Curve.fMinusFStar) != nil || record.double(RunFileNames.Attribute.fStar) != nil }
}

/// One optimizer parameter value from `optimizer_params`.
enum ParamValue: Sendable, Equatable {
    case number(Double)
    case bool(Bool)
    case other(String)

    /// Compact text of the value, e.g. `0.001`, `true`, `"strong_wolfe"`.
    var text: String {
        switch self {
        case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        case .bool(let b): return b ? "true" : "false"
        case .other(let s): return s
        }
    }

    /// Decodes a JSON object (with the shared `JSONParser`); malformed text
    /// gives an empty dictionary.
    static func decodeObject(_ json: String) -> [String: ParamValue] {
        guard case .object(let members)? = try? JSONParser.parse(json) else { return [:] }
        return members.mapValues(ParamValue.init(json:))
    }
}

extension ParamValue {
    /// JSON booleans, numbers and strings map to their cases; arrays and objects
    /// keep a compact JSON-like text (object keys sorted).
    init(json node: JSONNode) {
        switch node {
        case .bool(let b): self = .bool(b)
        case .number(let literal): self = Double(literal).map(ParamValue.number) ?? .other(literal)
        case .string(let s): self = .other("\"\(s)\"")
        case .array(let items): self = .other("[" + items.map { ParamValue(json: $0).text }.joined(separator: ",") + "]")
        case .object(let o):
            self = .other("{" + o.keys.sorted().map { "\($0):\(ParamValue(json: o[$0]!).text)" }.joined(separator: ",") + "}")
        case .null: self = .other("null")
        }
    }
}

/// The horizontal axis of a learning curve.
enum XAxis: String, CaseIterable, Sendable {
    case step, evaluations, wallTime = "wall_time"

    var label: String {
        switch self {
        case .step: return "step"
        case .evaluations: return "evaluations (f + g + Hv, cumulative)"
        case .wallTime: return "wall time (s)"
        }
    }

    var shortName: String {
        switch self {
        case .step: return "steps"
        case .evaluations: return "evaluations"
        case .wallTime: return "wall time"
        }
    }
}

/// Test-split metrics, measured once at the kept parameters and stored as root attributes.
enum TestMetric: String, CaseIterable, Sendable {
    case testLoss = "test_loss", testAccuracy = "test_accuracy"
}

/// A recorded curve that reports plot and tabulate.
enum Metric: String, CaseIterable, Sendable {
    case trainLoss = "train_loss", valLoss = "val_loss", valAccuracy = "val_accuracy", fMinusFStar = "f_minus_fstar"

    var label: String {
        switch self {
        case .trainLoss: return "training loss"
        case .valLoss: return "validation loss"
        case .valAccuracy: return "validation accuracy"
        case .fMinusFStar: return "f - f*"
        }
    }

    /// Losses and optimality gaps span decades, so they are drawn on a log scale.
    var logScale: Bool { self != .valAccuracy }
}
