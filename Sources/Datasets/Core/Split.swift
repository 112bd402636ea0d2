/// The examples of one split (train, validation or test), stored flat.
///
/// Example `i` owns `inputs[i*d ..< (i+1)*d]` with `d = inputsPerExample`,
/// `labels[i*k ..< (i+1)*k]` with `k = labelsPerExample` (1 for classification,
/// the number of steps for per-step labels, 0 for regression), and
/// `targets[i*r ..< (i+1)*r]` with `r = targetsPerExample` (0 unless regression).
/// Variable-length sequences are padded at the end (token id 0, feature value 0,
/// label -1) and `lengths[i]` gives the valid length.
public struct Split: Sendable, Equatable {
    /// Number of examples.
    public let count: Int
    /// Row-major inputs; token ids are stored as exact `Float` values.
    public let inputs: [Float]
    /// Valid length per example for token inputs and variable-length sequences; nil when all are full.
    public let lengths: [Int32]?
    /// Class labels: one per example, or one per step (-1 = ignore / padding).
    public let labels: [Int32]
    /// Regression targets, `count * outputs`; empty for other tasks.
    public let targets: [Float]
    /// Values per example in `inputs`.
    public let inputsPerExample: Int
    /// Values per example in `labels`.
    public let labelsPerExample: Int
    /// Values per example in `targets`.
    public let targetsPerExample: Int

    /// Creates a split; the array sizes must be multiples of `count` (programmer error otherwise).
    public init(count: Int, inputs: [Float], lengths: [Int32]? = nil, labels: [Int32] = [], targets: [Float] = []) {
        precondition(count >= 0, "negative example count")
        if count == 0 {
            precondition(inputs.isEmpty && labels.isEmpty && targets.isEmpty && (lengths ?? []).isEmpty,
                         "an empty split holds no values")
        } else {
            precondition(inputs.count % count == 0, "inputs (\(inputs.count)) not a multiple of count (\(count))")
            precondition(labels.count % count == 0, "labels (\(labels.count)) not a multiple of count (\(count))")
            precondition(targets.count % count == 0, "targets (\(targets.count)) not a multiple of count (\(count))")
            precondition(lengths == nil || lengths!.count == count, "one length per example")
        }
        self.count = count
        self.inputs = inputs
        self.lengths = lengths
        self.labels = labels
        self.targets = targets
        self.inputsPerExample = count == 0 ? 0 : inputs.count / count
        self.labelsPerExample = count == 0 ? 0 : labels.count / count
        self.targetsPerExample = count == 0 ? 0 : targets.count / count
    }

    /// A split with no examples.
    public static let empty = Split(count: 0, inputs: [])

    /// The examples at `indices`, in that order (indices may repeat).
    public func gather(_ indices: [Int]) -> Split {
        if indices.isEmpty { return .empty }
        var newInputs: [Float] = [], newLabels: [Int32] = [], newTargets: [Float] = []
        newInputs.reserveCapacity(indices.count * inputsPerExample)
        newLabels.reserveCapacity(indices.count * labelsPerExample)
        newTargets.reserveCapacity(indices.count * targetsPerExample)
        var newLengths: [Int32]? = lengths.map { _ in [] }
        newLengths?.reserveCapacity(indices.count)
        for i in indices {
            precondition(i >= 0 && i < count, "example index \(i) out of range 0..<\(count)")
            newInputs.append(contentsOf: inputs[i * inputsPerExample ..< (i + 1) * inputsPerExample])
            newLabels.append(contentsOf: labels[i * labelsPerExample ..< (i + 1) * labelsPerExample])
            newTargets.append(contentsOf: targets[i * targetsPerExample ..< (i + 1) * targetsPerExample])
            if let lengths { newLengths!.append(lengths[i]) }
        }
        return Split(count: indices.count, inputs: newInputs, lengths: newLengths, labels: newLabels, targets: newTargets)
    }

    /// The examples `range` in order.
    public func slice(_ range: Range<Int>) -> Split {
        gather(Array(range))
    }
}
