import Engine
import Recording
import GridLanguage

/// What a finished (or stopped) training run produced.
struct TrainingOutcome<S: Scalar> {
    var status: RunStatus
    var stopReason: String
    var curves: CurveLog
    var initialParameters: [S]
    var finalParameters: [S]
    var functionEvaluations: Int
    var gradientEvaluations: Int
    var hessianVectorEvaluations: Int
    var stepsDone: Int
    var testMetrics: [String: Double]
    var earlyStoppingStep: Int?
    /// The evaluation step whose parameters early stopping restored (and at which the
    /// test metrics were measured).
    var restoredStep: Int?
    /// Curvature measurements (`/series/hessian`), their Hessian-vector products and seconds.
    var curvature: Series?
    var curvatureDensity: Series?
    var curvatureHessianVectorProducts: Int
    var curvatureSeconds: Double
    /// Seconds spent measuring losses and accuracies at evaluation points.
    var evaluationSeconds: Double
    /// Objective (penalties included) at the final parameters on the last batch.
    var finalObjective: Double?
}
