/// Packs variable-length token sequences into a fixed-width split.
enum TokenPadding {
    /// Each sequence is padded at the end with id 0 up to `maxLength`
    /// (longer ones are a programmer error); `lengths` records the valid part.
    static func split(_ sequences: [[Int32]], maxLength: Int, labels: [Int32]) -> Split {
        if sequences.isEmpty { return .empty }
        var inputs = [Float](repeating: 0, count: sequences.count * maxLength)
        var lengths = [Int32](repeating: 0, count: sequences.count)
        for (i, sequence) in sequences.enumerated() {
            precondition(sequence.count <= maxLength, "sequence of \(sequence.count) tokens exceeds \(maxLength)")
            for (t, id) in sequence.enumerated() { inputs[i * maxLength + t] = Float(id) }
            lengths[i] = Int32(sequence.count)
        }
        return Split(count: sequences.count, inputs: inputs, lengths: lengths, labels: labels)
    }
}
