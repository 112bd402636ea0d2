/// Where a run's stored data first differ from its baseline, found by
/// comparing bit patterns (so `-0.0` differs from `0.0`, and NaNs are equal
/// only with equal payloads).
public struct FirstDifference: Sendable, Equatable {
    /// What kind of difference was found.
    public enum Kind: Sendable, Equatable {
        /// An element differs at `index`.
        case value
        /// The lengths differ; the shorter one is a prefix of the longer up to `index`.
        case length
        /// The dataset is in the baseline but not in the current run.
        case missingNow
        /// The dataset is in the current run but not in the baseline.
        case newNow
        /// The tensor's shape or dtype differs.
        case layout
        /// No stored dataset differs, yet the digests do: the difference is in
        /// data the baseline does not hold.
        case notStored
        /// A tensor the baseline holds only a digest of differs from it.
        case digestOnly
    }

    /// What kind of difference this is.
    public var kind: Kind
    /// The dataset's path in the run file (`/curves/val_loss`,
    /// `/series/hessian/top`, `/tensors/final/fc1.weight`), or `tensors`.
    public var path: String
    /// The element index of the difference (row-major for tensors).
    public var index: Int?
    /// The step at `index`, for curves and series.
    public var step: Int64?
    /// The multi-dimensional position of `index`, for tensors.
    public var position: [Int]?
    /// The baseline value at `index` (exact text), or a length or layout.
    public var baseline: String
    /// The current value at `index` (exact text), or a length or layout.
    public var now: String

    /// A difference from its parts; `BaselineChecker` finds these.
    public init(kind: Kind, path: String, index: Int? = nil, step: Int64? = nil, position: [Int]? = nil,
                baseline: String = "", now: String = "") {
        self.kind = kind; self.path = path; self.index = index; self.step = step; self.position = position
        self.baseline = baseline; self.now = now
    }

    /// The dataset's name without its group: `val_loss` for `/curves/val_loss`.
    public var name: String {
        for prefix in ["/curves/", "/series/", "/tensors/"] where path.hasPrefix(prefix) {
            return String(path.dropFirst(prefix.count))
        }
        return path
    }

    /// Where, in words: `at step 200 (index 8)`, `at element [3, 17] (index 209)`,
    /// `at index 17`, or empty.
    public var location: String {
        switch (step, position, index) {
        case let (step?, _, index?): return "at step \(step) (index \(index))"
        case let (nil, position?, index?): return "at element \(position) (index \(index))"
        case let (nil, nil, index?): return "at index \(index)"
        default: return ""
        }
    }

    /// One sentence for the report.
    public var summary: String {
        switch kind {
        case .value: return "\(path) differs first \(location)"
        case .length: return "\(path) has \(baseline) values in the baseline, \(now) now (equal up to index \(index ?? 0))"
        case .missingNow: return "\(path) is in the baseline but not in the current run"
        case .newNow: return "\(path) is in the current run but not in the baseline"
        case .layout: return "\(path): \(baseline) in the baseline, \(now) now"
        case .notStored: return baseline
        case .digestOnly: return "\(path) differs from its digest in the baseline (\(baseline), now \(now))"
        }
    }
}
