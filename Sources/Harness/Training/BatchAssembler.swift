import Datasets
import Engine
import Models
import GridLanguage

/// Converts rows of a data split into model inputs and targets in the run's
/// element type.
struct BatchAssembler<S: Scalar> {
    let dataset: Dataset

    /// The model-side description of the data.
    var signature: DataSignature {
        switch (dataset.input, dataset.task) {
        case (.dense(let f), .classification(let c)): return .dense(features: f, classes: c)
        case (.dense(let f), .regression(let k)): return .regression(features: f, outputs: k)
        case (.sequence(let t, let f), .classification(let c)): return .sequence(steps: t, features: f, classes: c)
        case (.sequence(let t, let f), .regression(let k)): return .sequenceRegression(steps: t, features: f, outputs: k)
        case (.tokens(let t, let v), .classification(let c)): return .tokens(vocabulary: v, maxLength: t, classes: c)
        case (.tokens(let t, let v), .languageModel): return .languageModel(vocabulary: v, maxLength: t)
        // Per-step labels over fewer classes than tokens: models that predict
        // at every position over the vocabulary read it (classes c <= v).
        case (.tokens(let t, let v), .sequenceLabeling(let c)) where c <= v: return .languageModel(vocabulary: v, maxLength: t)
        default:
            // Every data set the registry builds has one of the pairs above.
            preconditionFailure("no model signature for input \(dataset.input) with task \(dataset.task)")
        }
    }

    /// Rows `indices` of `split` as one batch.
    func batch(_ split: Split, _ indices: [Int]) -> (ModelInput<S>, BatchTargets<S>) {
        let n = indices.count
        let width = split.count == 0 ? 0 : split.inputs.count / split.count
        let lengths = split.lengths.map { l in indices.map { Int(l[$0]) } }
        let input: ModelInput<S>
        if case .tokens(let t, _) = dataset.input {
            var ids = [Int](); ids.reserveCapacity(n * width)
            for i in indices { for j in 0..<width { ids.append(Int(split.inputs[i * width + j])) } }
            input = .tokens(ids, batch: n, steps: t, lengths: lengths ?? [Int](repeating: t, count: n))
            return (input, targets(split, indices))
        }
        var inputs = [S](); inputs.reserveCapacity(n * width)
        for i in indices { for j in 0..<width { inputs.append(S(Double(split.inputs[i * width + j]))) } }
        switch dataset.input {
        case .dense(let f):
            input = .dense(Tensor(shape: [n, f], data: inputs))
        case .sequence(let t, let f):
            input = .sequence(Tensor(shape: [n, t, f], data: inputs), lengths: lengths ?? [Int](repeating: t, count: n))
        case .tokens:
            preconditionFailure("tokens handled above")
        }
        return (input, targets(split, indices))
    }

    private func targets(_ split: Split, _ indices: [Int]) -> BatchTargets<S> {
        let n = indices.count
        var targets = BatchTargets<S>.none
        let labelWidth = split.count == 0 ? 0 : split.labels.count / split.count
        if labelWidth > 0 {
            var labels = [Int](); labels.reserveCapacity(n * labelWidth)
            for i in indices { for j in 0..<labelWidth { labels.append(Int(split.labels[i * labelWidth + j])) } }
            targets.labels = labels
        }
        let targetWidth = split.count == 0 ? 0 : split.targets.count / split.count
        if targetWidth > 0 {
            var values = [S](); values.reserveCapacity(n * targetWidth)
            for i in indices { for j in 0..<targetWidth { values.append(S(Double(split.targets[i * targetWidth + j]))) } }
            targets.values = Tensor(shape: [n, targetWidth], data: values)
        }
        return targets
    }
}
