import Engine
import GridLanguage

/// One run in progress: the trainer's settings, the parts built for the run, and
/// what changes as it goes. `Trainer.run` drives it step by step; each method here
/// is one named step of that flow.
struct TrainingSession<S: Scalar> {
    let trainer: Trainer<S>
    let setup: TrainingSetup<S>
    var state: TrainingState<S>
    var curves = CurveLog()
    var curvature = CurvatureLog()

    /// How an optimizer step went.
    enum StepResult {
        /// The step was taken and the run may go on.
        case taken
        /// The objective or the parameters blew up; the run is over.
        case diverged
        /// The optimizer threw; the run is over.
        case failed
    }

    /// A session at the initial parameters of `setup`.
    init(trainer: Trainer<S>, setup: TrainingSetup<S>) {
        self.trainer = trainer
        self.setup = setup
        state = TrainingState(initialParameters: setup.initialParameters)
    }

    /// Step `step` of the optimizer on its batch, then the regularizers' post-step
    /// hooks. Records the divergence or failure that ends the run, if any.
    mutating func takeStep(_ step: Int) -> StepResult {
        loadBatch(step)
        let current = setup.current
        do {
            let report = try trainer.optimizer.step(&state.parameters, oracle: setup.oracle, iteration: step)
            state.lastGradNorm = Double(report.gradientNorm)
            state.lastLR = Double(report.learningRate)
            let f = Double(report.value)
            state.lastObjective = f
            state.objectives.add(f)
            if state.initialLoss == nil { state.initialLoss = f }
            trainer.regularizers.afterStep(&state.parameters, learningRate: state.lastLR, layout: setup.layout)
            if let st = current.stateAfterFirst { state.modelState = st }
            if hasDiverged(value: f, step: step) {
                state.status = .diverged; state.stopReason = "loss \(f) at step \(step)"
                state.stepsDone = step + 1
                return .diverged
            }
        } catch {
            state.status = .failed; state.stopReason = "\(error)"
            state.stepsDone = step
            return .failed
        }
        return .taken
    }

    /// Points the oracle at step `step`'s batch, context and starting model state.
    private func loadBatch(_ step: Int) {
        let current = setup.current
        if let b = setup.batcher, let a = setup.assembler, let d = trainer.dataset {
            (current.input, current.targets) = a.batch(d.train, b.indices(forStep: step))
        }
        current.context = setup.baseContext
        current.context.step = step
        current.stateAtStart = state.modelState
        current.stateAfterFirst = nil
    }

    /// A non-finite objective or parameter, or (after the first step) an objective
    /// 1e5 times the first one's size: such runs never come back, so they stop early.
    private func hasDiverged(value f: Double, step: Int) -> Bool {
        !f.isFinite || !state.parameters.allSatisfy({ $0.isFinite })
            || abs(f) > 1e5 * max(abs(state.initialLoss ?? f), 1e-12) && step > 0
    }

    /// Whether the time limit or the evaluation budget is used up. When both are,
    /// the status says timeout and the stop reason names the evaluation budget.
    mutating func checkBudgets() -> Bool {
        var exhausted = false
        if let limit = trainer.plan.timeLimit, trainer.clock() - setup.startTime > limit {
            state.status = .timeout; state.stopReason = "time limit \(limit) s"; exhausted = true
        }
        let oracle = setup.oracle
        if let budget = trainer.plan.maxEvaluations,
           oracle.functionEvaluations + oracle.gradientEvaluations + oracle.hessianVectorEvaluations >= budget {
            state.stopReason = "evaluation budget \(budget)"; exhausted = true
        }
        return exhausted
    }

    /// Whether `step` is a scheduled evaluation point (every `evalEvery` steps, and the last step).
    func isEvaluationPoint(_ step: Int) -> Bool {
        step % trainer.plan.evalEvery == 0 || step == trainer.plan.totalSteps
    }

    /// Measures the curvature at `step` when the probe is due (its schedule, and the
    /// last step). The time it takes is kept out of the curves' wall time.
    mutating func measureCurvatureIfDue(at step: Int) {
        guard let p = setup.probe, p.isDue(step) || step == trainer.plan.totalSteps else { return }
        let t0 = trainer.clock()
        let e = p.measure(state.parameters, step: step, evaluator: setup.evaluator, context: setup.baseContext,
                          state: state.modelState)
        curvature.append(e, step: step)
        curvature.seconds += trainer.clock() - t0
    }

    /// Feeds the early-stopping monitor the metric measured at `step`. When it says
    /// stop, records why and restores the best parameters seen; returns whether the
    /// run stops.
    mutating func applyEarlyStopping(metric: Double, at step: Int) -> Bool {
        guard let e = setup.earlyStopping,
              e.observe(validationLoss: metric, step: step, parameters: state.parameters) else { return false }
        state.stopReason = "early stopping at step \(step)"
        state.earlyStoppingStep = step
        if let best = e.bestParameters { state.parameters = best; state.restoredStep = e.bestStep }
        return true
    }
}
