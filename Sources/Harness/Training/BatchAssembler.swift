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
        guard let signature = DataSignatures.signature(input: dataset.input, task: dataset.task) else {
            // Every data set the registry builds has a pair with a signature.
            preconditionFailure("no model signature for input \(dataset.input) with task \(dataset.task)")
        }
        return signature
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
