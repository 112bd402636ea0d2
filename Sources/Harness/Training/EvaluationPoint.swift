import GridLanguage
extension TrainingSession {
    /// Measures the run at evaluation point `step` and appends a row to the curves:
    /// losses (and accuracy) at the current parameters, the last step's report, the
    /// mean step objective since the previous point, and the work counters.
    /// Returns the metric early stopping watches: validation loss, else training loss.
    mutating func recordEvaluation(at step: Int) -> Double {
        let measureStart = trainer.clock()
        defer { state.evaluationSeconds += trainer.clock() - measureStart }
        var values = lossValues(at: step)
        values.merge(progressValues()) { _, new in new }
        curves.append(step: step, wallTime: trainer.clock() - setup.startTime - curvature.seconds, values: values)
        state.objectives.reset()
        return values["val_loss"] ?? values["train_loss"] ?? .nan
    }

    /// `train_loss`, `val_loss` and `val_accuracy` on the data, or for an analytic
    /// objective its value and distance to the known minimum. Data losses exclude
    /// penalties, so runs with different regularizers compare on the same scale.
    private func lossValues(at step: Int) -> [String: Double] {
        var values: [String: Double] = [:]
        if let d = trainer.dataset, let splits = setup.splitEvaluator {
            let x = state.parameters, modelState = state.modelState
            let train = splits.metrics(d.train, setup.trainEvalIndices, at: x, state: modelState)
            values["train_loss"] = train.loss
            if d.validation.count > 0 {
                let val = splits.metrics(d.validation, Array(0..<d.validation.count), at: x, state: modelState)
                values["val_loss"] = val.loss
                if let acc = val.accuracy { values["val_accuracy"] = acc }
            }
        } else {
            var context = setup.baseContext
            context.mode = .eval; context.step = step
            var st = state.modelState
            let f = Double(setup.evaluator.evaluate(state.parameters, input: .none, targets: .none, context: context,
                                                    state: &st, gradient: false, includePenalty: false).value)
            values["train_loss"] = f
            if let fs = setup.fStar { values["f_minus_fstar"] = f - fs }
        }
        return values
    }

    /// The optimizer's last report and cumulative work: oracle evaluations, optimizer
    /// counters and, when a regularizer transforms gradients, how many it changed.
    private func progressValues() -> [String: Double] {
        let oracle = setup.oracle
        var values: [String: Double] = [:]
        values["grad_norm"] = state.lastGradNorm
        values["lr"] = state.lastLR
        values["objective"] = state.objectives.mean
        values["f_evals"] = Double(oracle.functionEvaluations)
        values["g_evals"] = Double(oracle.gradientEvaluations)
        values["hv_evals"] = Double(oracle.hessianVectorEvaluations)
        values["evals"] = Double(oracle.functionEvaluations + oracle.gradientEvaluations + oracle.hessianVectorEvaluations)
        let counters = trainer.optimizer.counters
        values["skipped_updates"] = Double(counters.skippedUpdates)
        values["damped_updates"] = Double(counters.dampedUpdates)
        values["line_search_evals"] = Double(counters.lineSearchEvaluations)
        values["tr_rejections"] = Double(counters.trustRegionRejections)
        if trainer.regularizers.transformsGradients {
            values["clipped_gradients"] = Double(setup.current.transformedGradients)
        }
        return values
    }
}
