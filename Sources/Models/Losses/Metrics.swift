import Engine

/// Evaluation metrics computed from model outputs (not differentiated).
public enum Metrics {
    /// Fraction of rows of `logits` `[..., C]` whose arg-max (first maximum on ties)
    /// equals the label; rows labelled -1 are ignored. 0 when no row is labelled.
    public static func accuracy<S: Scalar>(logits: Tensor<S>, labels: [Int]) -> Double {
        let (correct, valid) = correctCount(logits: logits, labels: labels)
        return valid == 0 ? 0 : Double(correct) / Double(valid)
    }

    /// Number of rows whose arg-max equals the label, and number of labelled rows
    /// (label >= 0), so accuracies can be pooled over chunks exactly.
    public static func correctCount<S: Scalar>(logits: Tensor<S>, labels: [Int]) -> (correct: Int, valid: Int) {
        let c = logits.shape.last ?? 1
        let rows = c == 0 ? 0 : logits.count / c
        precondition(labels.count == rows, "accuracy: \(labels.count) labels for \(rows) rows")
        var correct = 0, valid = 0
        logits.data.withUnsafeBufferPointer { x in
            for r in 0..<rows where labels[r] >= 0 {
                valid += 1
                var best = 0
                for j in 1..<c where x[r * c + j] > x[r * c + best] { best = j }
                if best == labels[r] { correct += 1 }
            }
        }
        return (correct, valid)
    }

    /// Perplexity exp(H) of a mean per-token cross-entropy H in nats.
    public static func perplexity(meanCrossEntropy: Double) -> Double { DeterministicMath.exp(meanCrossEntropy) }
}
