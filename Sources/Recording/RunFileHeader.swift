/// The cheap part of a run file: its root attributes and the final value of each
/// curve, read without loading tensors (for indexing).
///
/// "Final" means at the kept point: the evaluation point whose parameters the run
/// ended with. That is the last point, except for runs whose early stopping
/// restored an earlier point (root attribute `restored_step`).
public struct RunFileHeader: Sendable, Equatable {
    /// The root attributes.
    public var attributes: [String: AttributeValue]
    /// The value at the kept point of each dataset in `/curves` except `step`,
    /// including `wall_time`; curves with no values are absent.
    public var finalCurveValues: [String: Double]
    /// The last entry of `/curves/step`, or nil when there are no evaluation points.
    public var lastStep: Int64?


    /// Index of the kept point in `steps`: the entry equal to the run's
    /// `restored_step` attribute when it has one and it is recorded, else the last.
    public static func keptIndex(steps: [Int64], attributes: [String: AttributeValue]) -> Int? {
        if case .int(let restored)? = attributes[RunFileNames.Attribute.restoredStep], let i = steps.lastIndex(of: restored) {
            return i
        }
        return steps.isEmpty ? nil : steps.count - 1
    }

    public init(attributes: [String: AttributeValue], finalCurveValues: [String: Double], lastStep: Int64?) {
        self.attributes = attributes; self.finalCurveValues = finalCurveValues; self.lastStep = lastStep
    }
}
