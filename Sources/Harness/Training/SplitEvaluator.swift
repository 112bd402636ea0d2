import Datasets
import Engine
import Models
import GridLanguage

/// Measures the mean data loss (no penalty) and the accuracy of a parameter
/// vector on rows of a data split, in evaluation mode.
///
/// Rows go through the model `evalChunk` at a time, so memory stays bounded
/// whatever the split's size; each chunk starts from the same model state, so
/// measuring never changes the run.
struct SplitEvaluator<S: Scalar> {
    let evaluator: ObjectiveEvaluator<S>
    let assembler: BatchAssembler<S>
    let output: ModelOutput
    /// Evaluation-mode context with the regularizers' settings (BatchNorm on
    /// running statistics, no dropout).
    let context: ForwardContext

    /// Rows per forward pass.
    static var evalChunk: Int { 512 }

    /// Mean loss and accuracy (for class outputs) of `x` on rows `indices` of `split`.
    func metrics(_ split: Split, _ indices: [Int], at x: [S],
                 state: ModelState<S>) -> (loss: Double, accuracy: Double?) {
        var lossSum = 0.0, weight = 0.0, correct = 0, labelled = 0
        var start = 0
        while start < indices.count {
            let chunk = Array(indices[start..<min(start + Self.evalChunk, indices.count)])
            start += chunk.count
            let (input, targets) = assembler.batch(split, chunk)
            var st = state
            let r = evaluator.evaluate(x, input: input, targets: targets, context: context, state: &st,
                                       gradient: false, includePenalty: false)
            // The loss is a mean over non-padding labels (-1 is padding), so chunks weigh by that count.
            let rows = targets.labels.isEmpty ? Double(chunk.count) : Double(targets.labels.filter { $0 >= 0 }.count)
            lossSum += Double(r.value) * rows
            weight += rows
            if !targets.labels.isEmpty {
                let (c, n) = Metrics.correctCount(logits: r.prediction, labels: targets.labels)
                correct += c; labelled += n
            }
        }
        let accuracy: Double? = {
            switch output {
            case .logits, .sequenceLogits: return labelled > 0 ? Double(correct) / Double(labelled) : nil
            default: return nil
            }
        }()
        return (weight > 0 ? lossSum / weight : .nan, accuracy)
    }
}
