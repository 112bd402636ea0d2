import Engine

/// Training losses on model outputs.
public enum Loss {
    /// Mean softmax cross-entropy of logits `[N, C]` (or `[B, T, C]`) against one label
    /// per row; rows labelled -1 are ignored. With `smoothing` eps the target is
    /// (1 - eps) one-hot + eps / C uniform (Szegedy et al., 2016, section 7).
    public static func softmaxCrossEntropy<S: Scalar>(_ logits: Variable<S>, labels: [Int], smoothing: Double = 0) -> Variable<S> {
        precondition(smoothing >= 0 && smoothing < 1, "label smoothing \(smoothing) outside [0, 1)")
        return logits.softmaxCrossEntropy(labels: labels, smoothing: S(smoothing))
    }

    /// Mean squared error (1/N) sum (y - t)^2 over all elements.
    public static func meanSquaredError<S: Scalar>(_ predictions: Variable<S>, targets: Tensor<S>) -> Variable<S> {
        predictions.meanSquaredError(targets)
    }

    /// Next-token cross-entropy of sequence logits `[B, T, V]` against next-token
    /// labels `[B * T]` (row-major): steps at or beyond each sequence's length, and
    /// labels of -1, are padding and excluded from the mean over valid tokens.
    public static func nextTokenCrossEntropy<S: Scalar>(_ logits: Variable<S>, labels: [Int], lengths: [Int],
                                                        smoothing: Double = 0) -> Variable<S> {
        precondition(logits.shape.count == 3, "next-token logits must be [B, T, V], got \(logits.shape)")
        let (batch, steps) = (logits.shape[0], logits.shape[1])
        precondition(labels.count == batch * steps && lengths.count == batch,
                     "\(labels.count) labels and \(lengths.count) lengths for logits \(logits.shape)")
        var masked = labels
        for b in 0..<batch {
            for t in min(max(lengths[b], 0), steps)..<steps { masked[b * steps + t] = -1 }
        }
        return softmaxCrossEntropy(logits, labels: masked, smoothing: smoothing)
    }
}
