/// The cheap part of a run file: its root attributes and the last value of each
/// curve, read without loading tensors or whole curves (for indexing).
public struct RunFileHeader: Sendable, Equatable {
    /// The root attributes.
    public var attributes: [String: AttributeValue]
    /// The last value of each dataset in `/curves` except `step`, including
    /// `wall_time`; curves with no values are absent.
    public var finalCurveValues: [String: Double]
    /// The last entry of `/curves/step`, or nil when there are no evaluation points.
    public var lastStep: Int64?

    public init(attributes: [String: AttributeValue], finalCurveValues: [String: Double], lastStep: Int64?) {
        self.attributes = attributes; self.finalCurveValues = finalCurveValues; self.lastStep = lastStep
    }
}
