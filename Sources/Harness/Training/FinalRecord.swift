import GridLanguage
extension TrainingSession {
    /// Closes the run: the final objective, the test metrics, and everything
    /// collected along the way, as the run's outcome.
    func recordFinal() -> TrainingOutcome<S> {
        let objective = finalObjective()
        let test = testMetrics()
        let oracle = setup.oracle
        return TrainingOutcome(status: state.status, stopReason: state.stopReason, curves: curves,
                               initialParameters: setup.initialParameters, finalParameters: state.parameters,
                               functionEvaluations: oracle.functionEvaluations,
                               gradientEvaluations: oracle.gradientEvaluations,
                               hessianVectorEvaluations: oracle.hessianVectorEvaluations,
                               stepsDone: state.stepsDone, testMetrics: test,
                               earlyStoppingStep: state.earlyStoppingStep, restoredStep: state.restoredStep,
                               curvature: setup.probe == nil ? nil : curvature.estimates,
                               curvatureDensity: curvature.density.steps.isEmpty ? nil : curvature.density,
                               curvatureHessianVectorProducts: curvature.hessianVectorProducts,
                               curvatureSeconds: curvature.seconds,
                               evaluationSeconds: state.evaluationSeconds, finalObjective: objective)
    }

    /// The objective (penalty included) at the final point on the last batch: for
    /// full-batch runs this is the exact final objective value. It bypasses the
    /// oracle, so it is not counted as optimizer work. None for a failed run.
    private func finalObjective() -> Double? {
        guard state.status != .failed else { return nil }
        let current = setup.current
        var st = current.stateAtStart
        return Double(setup.evaluator.evaluate(state.parameters, input: current.input, targets: current.targets,
                                               context: current.context, state: &st, gradient: false).value)
    }

    /// `test_loss` and `test_accuracy` at the final (or restored) parameters, for
    /// runs with status `completed` (early stopping and the evaluation budget leave
    /// that status; divergence, failure and the time limit do not).
    private func testMetrics() -> [String: Double] {
        var test: [String: Double] = [:]
        if let d = trainer.dataset, let splits = setup.splitEvaluator, d.test.count > 0, state.status == .completed {
            let m = splits.metrics(d.test, Array(0..<d.test.count), at: state.parameters, state: state.modelState)
            test["test_loss"] = m.loss
            if let acc = m.accuracy { test["test_accuracy"] = acc }
        }
        return test
    }
}
