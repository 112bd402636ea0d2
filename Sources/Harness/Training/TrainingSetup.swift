import Datasets
import Engine
import Models
import Optimizers
import Regularizers
import GridLanguage

/// The parts of one run that are built before the first step and never change:
/// the objective and its oracle, the data plumbing, and the optional early-stopping
/// monitor and curvature probe.
struct TrainingSetup<S: Scalar> {
    /// Clock reading when the run began; curves' wall time counts from here.
    let startTime: Double
    let layout: ParameterLayout
    let evaluator: ObjectiveEvaluator<S>
    let initialParameters: [S]
    /// Training-mode context with the regularizers' settings; each step sets its step.
    let baseContext: ForwardContext
    let assembler: BatchAssembler<S>?
    let batcher: Batcher?
    /// Loss and accuracy on data splits; nil for analytic objectives.
    let splitEvaluator: SplitEvaluator<S>?
    /// Training rows measured for `train_loss` (see `Trainer.trainEvalRows`).
    let trainEvalIndices: [Int]
    let current: CurrentBatch<S>
    let oracle: Oracle<S>
    let earlyStopping: EarlyStopping<S>?
    /// The known minimum of an analytic objective, for `f_minus_fstar`.
    let fStar: Double?
    let probe: CurvatureProbe<S>?
}

extension Trainer {
    /// Builds the run's fixed parts. Initial parameters and the train-evaluation
    /// subset come from streams keyed by seed and purpose, so building order cannot
    /// change them.
    func prepare() -> TrainingSetup<S> {
        let start = clock()
        let layout = ParameterLayout(model.parameterSpecs)
        let smoothing = S(regularizers.labelSmoothing ?? 0)
        let lossFunction = LossFunction<S>(output: model.output, smoothing: smoothing)
        let evaluator = ObjectiveEvaluator<S>(model: model, layout: layout, loss: lossFunction,
                                              regularizers: regularizers, threads: plan.threads)
        let initial = layout.flatten(model.initialParameters(seed: seed, as: S.self))
        var baseContext = ForwardContext(mode: .train, seed: seed, step: 0)
        regularizers.configure(&baseContext)

        let assembler = dataset.map { BatchAssembler<S>(dataset: $0) }
        let batcher = dataset.map { Batcher(count: $0.train.count, batchSize: plan.batchSize, seed: seed) }
        let trainEvalIndices: [Int] = dataset.map { d in
            if fullBatch { return Array(0..<d.train.count) }
            var rng = RandomStream(seed: seed, purpose: "train-eval-subset")
            return Array(rng.permutation(d.train.count).prefix(Self.trainEvalRows)).sorted()
        } ?? []
        let current = CurrentBatch<S>()
        let oracle = current.oracle(evaluator: evaluator, fullBatch: fullBatch && !regularizers.isStochastic)
        return TrainingSetup(
            startTime: start, layout: layout, evaluator: evaluator, initialParameters: initial,
            baseContext: baseContext, assembler: assembler, batcher: batcher,
            splitEvaluator: assembler.map { splitEvaluator(evaluator, $0) },
            trainEvalIndices: trainEvalIndices, current: current, oracle: oracle,
            earlyStopping: regularizers.earlyStopping.map { EarlyStopping<S>(patience: $0.patience, minDelta: $0.minDelta) },
            fStar: { if case .objective(let m) = model.output { return m }; return nil }(),
            probe: plan.hessian.map { CurvatureProbe<S>(settings: $0, seed: seed, dataset: dataset) })
    }

    private func splitEvaluator(_ evaluator: ObjectiveEvaluator<S>, _ assembler: BatchAssembler<S>) -> SplitEvaluator<S> {
        var context = ForwardContext(mode: .eval, seed: seed)
        regularizers.configure(&context)
        // Measurement runs in eval mode whatever a regularizer's `configure` sets.
        context.mode = .eval
        return SplitEvaluator(evaluator: evaluator, assembler: assembler, output: model.output, context: context)
    }
}
