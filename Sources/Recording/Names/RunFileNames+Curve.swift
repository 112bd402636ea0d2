extension RunFileNames {
    /// Names of the datasets in `/curves` (one value per evaluation step).
    public enum Curve {
        /// The step of each evaluation point (int64) and the wall time at it (seconds).
        public static let step = "step", wallTime = "wall_time"
        /// Loss on the training objective, and loss and accuracy on the validation split.
        public static let trainLoss = "train_loss", valLoss = "val_loss", valAccuracy = "val_accuracy"
        /// Objective minus its known minimum, for test functions.
        public static let fMinusFStar = "f_minus_fstar"
        /// The gradient norm, learning rate and mean training objective since the last point.
        public static let gradNorm = "grad_norm", learningRate = "lr", objective = "objective"
        /// Cumulative evaluation counters: objective, gradient, Hessian-vector, and their sum.
        public static let fEvals = "f_evals", gEvals = "g_evals", hvEvals = "hv_evals", evals = "evals"
        /// Cumulative quasi-Newton and trust-region counters.
        public static let skippedUpdates = "skipped_updates", dampedUpdates = "damped_updates",
                           lineSearchEvals = "line_search_evals", trustRegionRejections = "tr_rejections"
        /// Cumulative count of gradients that clipping changed.
        public static let clippedGradients = "clipped_gradients"
    }
}
