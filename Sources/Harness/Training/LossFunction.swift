import Engine
import Models
import GridLanguage

/// Turns a model's output into the scalar training loss, following the model's
/// `ModelOutput`: softmax cross-entropy for class logits (optionally label-smoothed),
/// per-step cross-entropy for sequence logits (label -1 = padding, ignored), mean
/// squared error for regression, and the value itself for analytic objectives.
struct LossFunction<S: Scalar> {
    let output: ModelOutput
    let smoothing: S

    /// The loss of `prediction` against the batch targets.
    func loss(_ prediction: Variable<S>, targets: BatchTargets<S>) -> Variable<S> {
        switch output {
        case .logits, .sequenceLogits:
            return prediction.softmaxCrossEntropy(labels: targets.labels, smoothing: smoothing)
        case .regression:
            return prediction.meanSquaredError(targets.values.reshaped(prediction.shape))
        case .objective:
            return prediction.sum()
        }
    }
}

/// The supervision of one batch: integer labels (one per example, or one per
/// step for sequence outputs) or real-valued targets.
struct BatchTargets<S: Scalar> {
    var labels: [Int]
    var values: Tensor<S>

    static var none: BatchTargets { BatchTargets(labels: [], values: .zeros([0])) }
}
