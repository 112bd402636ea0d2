import Support
/// Builds next-character prediction data from a text.
///
/// The last 10% of the characters is the validation text, the rest the
/// training text; the vocabulary comes from the training text only. Each text
/// is cut into non-overlapping windows of `seqLen` characters; the labels of a
/// window are the same characters shifted by one (the character that follows
/// each position). There is no test split.
enum CharLanguageModel {
    static func dataset(name: String, params: [String: ParamValue], text: [Unicode.Scalar], seqLen: Int,
                        maxVocab: Int, source: String) throws -> Dataset {
        let validationCount = text.count / 10
        let trainCount = text.count - validationCount
        guard !text.isEmpty else {
            throw DatasetError.emptyData(path: source, expected: "a non-empty text corpus")
        }
        guard validationCount >= seqLen + 1 else {
            throw DatasetError.emptyData(
                path: source,
                expected: "at least \(10 * (seqLen + 1)) characters so that the last 10% holds one sequence of seq_len \(seqLen) plus one, found \(text.count)")
        }
        let vocabulary = Vocabulary(tokens: text[..<trainCount], maxSize: maxVocab) { String($0) }
        let ids = text.map { vocabulary.id($0) }
        let train = windows(ids[..<trainCount], seqLen: seqLen)
        let validation = windows(ids[trainCount...], seqLen: seqLen)
        return Dataset(name: name, params: params, task: .languageModel(vocabulary: vocabulary.size),
                       input: .tokens(maxLength: seqLen, vocabulary: vocabulary.size),
                       train: train, validation: validation, test: .empty, vocabulary: vocabulary.strings)
    }

    /// Non-overlapping windows: inputs `ids[iT ..< iT+T]`, labels `ids[iT+1 ..< iT+T+1]`.
    static func windows(_ ids: ArraySlice<Int32>, seqLen: Int) -> Split {
        let count = (ids.count - 1) / seqLen
        var inputs: [Float] = [], labels: [Int32] = []
        inputs.reserveCapacity(count * seqLen)
        labels.reserveCapacity(count * seqLen)
        let base = ids.startIndex
        for i in 0..<count {
            let s = base + i * seqLen
            inputs.append(contentsOf: ids[s ..< s + seqLen].map(Float.init))
            labels.append(contentsOf: ids[s + 1 ..< s + seqLen + 1])
        }
        return Split(count: count, inputs: inputs, lengths: [Int32](repeating: Int32(seqLen), count: count), labels: labels)
    }
}
