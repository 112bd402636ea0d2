import Datasets
import Diagnostics
import Recording
import Engine
import Foundation
import Models
import Optimizers
import Regularizers

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

/// Trains one cell: mini-batch (or full-batch) steps of the optimizer on the
/// objective oracle, with evaluations every `evalEvery` steps.
///
/// Determinism: batches come from the seeded batcher, dropout masks from the
/// stream keyed by (seed, slot, step), parameters from streams keyed by name; no
/// other randomness exists, so a rerun gives the same bits.
struct Trainer<S: Scalar> {
    let model: any Model
    let dataset: Dataset?
    let optimizer: any Optimizer<S>
    let regularizers: RegularizerStack
    let plan: TrainingPlan
    let seed: UInt64
    /// Whether every step sees the same objective (lets second-order methods reuse
    /// the last evaluation at an unchanged point).
    let fullBatch: Bool
    let clock: () -> Double

    /// Rows of the training split used to measure `train_loss` in mini-batch runs (a
    /// fixed subset, so the measurement costs the same whatever the split's size).
    /// Full-batch runs measure it on the whole split, so that it is the data term of
    /// the objective they minimize.
    static var trainEvalRows: Int { 1024 }
    /// Rows per forward pass during evaluation.
    static var evalChunk: Int { 512 }

    func run() -> TrainingOutcome<S> {
        let start = clock()
        let layout = ParameterLayout(model.parameterSpecs)
        let smoothing = S(regularizers.labelSmoothing ?? 0)
        let lossFunction = LossFunction<S>(output: model.output, smoothing: smoothing)
        let evaluator = ObjectiveEvaluator<S>(model: model, layout: layout, loss: lossFunction,
                                              regularizers: regularizers, threads: plan.threads)
        var x = layout.flatten(model.initialParameters(seed: seed, as: S.self))
        let initial = x
        var state = ModelState<S>()
        var baseContext = ForwardContext(mode: .train, seed: seed, step: 0)
        regularizers.configure(&baseContext)

        let assembler = dataset.map { BatchAssembler<S>(dataset: $0) }
        let batcher = dataset.map { Batcher(count: $0.train.count, batchSize: plan.batchSize, seed: seed) }
        let trainEvalIndices: [Int] = dataset.map { d in
            if fullBatch { return Array(0..<d.train.count) }
            var rng = RandomStream(seed: seed, purpose: "train-eval-subset")
            return Array(rng.permutation(d.train.count).prefix(Self.trainEvalRows)).sorted()
        } ?? []

        // The oracle reads the current batch through this box, so one oracle (and one
        // set of evaluation counters) serves the whole run.
        let current = CurrentBatch<S>()
        func evaluate(_ point: [S], gradient: Bool, direction: [S]? = nil) -> ObjectiveEvaluator<S>.Result {
            var st = current.stateAtStart
            let r = evaluator.evaluate(point, input: current.input, targets: current.targets, context: current.context,
                                       state: &st, gradient: gradient, direction: direction)
            if current.stateAfterFirst == nil { current.stateAfterFirst = st }
            if r.gradientTransformed { current.transformedGradients += 1 }
            return r
        }
        let oracle = Oracle<S>(
            dimension: layout.count,
            value: { evaluate($0, gradient: false).value },
            valueAndGradient: { p in let r = evaluate(p, gradient: true); return (r.value, r.gradient!) },
            hessianVectorProduct: { p, v in evaluate(p, gradient: false, direction: v).hessianVector! },
            fullBatch: fullBatch && !regularizers.isStochastic)

        var curves = CurveLog()
        var diagnosticSeconds = 0.0
        var evaluationSeconds = 0.0
        var status = RunStatus.completed
        var stopReason = "step budget"
        var initialLoss: Double? = nil
        var lastGradNorm = Double.nan, lastLR = Double.nan
        var objectiveSum = 0.0, objectiveCount = 0
        let early = regularizers.earlyStopping.map { EarlyStopping<S>(patience: $0.patience, minDelta: $0.minDelta) }
        var earlyStep: Int? = nil
        var restoredStep: Int? = nil
        var stepsDone = 0
        let fStar: Double? = { if case .objective(let m) = model.output { return m }; return nil }()

        func measure(_ step: Int) -> Double {
            let measureStart = clock()
            defer { evaluationSeconds += clock() - measureStart }
            var values: [String: Double] = [:]
            if let d = dataset, let a = assembler {
                let train = splitMetrics(d.train, trainEvalIndices, a, evaluator, x, &state)
                values["train_loss"] = train.loss
                if d.validation.count > 0 {
                    let val = splitMetrics(d.validation, Array(0..<d.validation.count), a, evaluator, x, &state)
                    values["val_loss"] = val.loss
                    if let acc = val.accuracy { values["val_accuracy"] = acc }
                }
            } else {
                var st = state
                let f = Double(evaluator.evaluate(x, input: .none, targets: .none, context: evalContext(step),
                                                  state: &st, gradient: false, includePenalty: false).value)
                values["train_loss"] = f
                if let fs = fStar { values["f_minus_fstar"] = f - fs }
            }
            values["grad_norm"] = lastGradNorm
            values["lr"] = lastLR
            values["objective"] = objectiveCount > 0 ? objectiveSum / Double(objectiveCount) : .nan
            values["f_evals"] = Double(oracle.functionEvaluations)
            values["g_evals"] = Double(oracle.gradientEvaluations)
            values["hv_evals"] = Double(oracle.hessianVectorEvaluations)
            values["evals"] = Double(oracle.functionEvaluations + oracle.gradientEvaluations + oracle.hessianVectorEvaluations)
            let counters = optimizer.counters
            values["skipped_updates"] = Double(counters.skippedUpdates)
            values["damped_updates"] = Double(counters.dampedUpdates)
            values["line_search_evals"] = Double(counters.lineSearchEvaluations)
            values["tr_rejections"] = Double(counters.trustRegionRejections)
            if regularizers.transformsGradients { values["clipped_gradients"] = Double(current.transformedGradients) }
            curves.append(step: step, wallTime: clock() - start - diagnosticSeconds, values: values)
            objectiveSum = 0; objectiveCount = 0
            return values["val_loss"] ?? values["train_loss"] ?? .nan
        }

        func evalContext(_ step: Int) -> ForwardContext {
            var c = baseContext; c.mode = .eval; c.step = step; return c
        }

        let probe = plan.hessian.map { CurvatureProbe<S>(settings: $0, seed: seed, dataset: dataset) }
        var curvature = Series(), density = Series()
        var curvatureProducts = 0
        func measureCurvature(_ step: Int) {
            guard let p = probe, p.isDue(step) || step == plan.totalSteps else { return }
            let t0 = clock()
            let e = p.measure(x, step: step, evaluator: evaluator, context: baseContext, state: state)
            curvatureProducts += e.hessianVectorProducts
            curvature.steps.append(Int64(step))
            for (k, v) in e.curveValues { curvature.curves[k, default: []].append(v) }
            if let d = e.density {
                density.steps.append(contentsOf: [Int64](repeating: Int64(step), count: d.nodes.count))
                density.curves["node", default: []].append(contentsOf: d.nodes)
                density.curves["weight", default: []].append(contentsOf: d.weights)
            }
            diagnosticSeconds += clock() - t0
        }

        _ = measure(0)
        measureCurvature(0)
        var step = 0
        while step < plan.totalSteps {
            if let b = batcher, let a = assembler, let d = dataset {
                (current.input, current.targets) = a.batch(d.train, b.indices(forStep: step))
            }
            current.context = baseContext
            current.context.step = step
            current.stateAtStart = state
            current.stateAfterFirst = nil
            do {
                let report = try optimizer.step(&x, oracle: oracle, iteration: step)
                lastGradNorm = Double(report.gradientNorm)
                lastLR = Double(report.learningRate)
                let f = Double(report.value)
                objectiveSum += f; objectiveCount += 1
                if initialLoss == nil { initialLoss = f }
                regularizers.afterStep(&x, learningRate: lastLR, layout: layout)
                if let st = current.stateAfterFirst { state = st }
                if !f.isFinite || !x.allSatisfy({ $0.isFinite })
                    || abs(f) > 1e5 * max(abs(initialLoss ?? f), 1e-12) && step > 0 {
                    status = .diverged; stopReason = "loss \(f) at step \(step)"
                    stepsDone = step + 1
                    _ = measure(step + 1)
                    break
                }
            } catch {
                status = .failed; stopReason = "\(error)"
                stepsDone = step
                break
            }
            step += 1
            stepsDone = step
            let atEval = step % plan.evalEvery == 0 || step == plan.totalSteps
            var stop = false
            if let limit = plan.timeLimit, clock() - start > limit {
                status = .timeout; stopReason = "time limit \(limit) s"; stop = true
            }
            if let budget = plan.maxEvaluations,
               oracle.functionEvaluations + oracle.gradientEvaluations + oracle.hessianVectorEvaluations >= budget {
                stopReason = "evaluation budget \(budget)"; stop = true
            }
            if probe != nil && (probe!.isDue(step) || step == plan.totalSteps) { measureCurvature(step) }
            if atEval || stop {
                let metric = measure(step)
                if let e = early, e.observe(validationLoss: metric, step: step, parameters: x) {
                    stopReason = "early stopping at step \(step)"
                    earlyStep = step
                    if let best = e.bestParameters { x = best; restoredStep = e.bestStep }
                    break
                }
            }
            if stop { break }
        }
        // The objective (penalty included) at the final point on the last batch: for
        // full-batch runs this is the exact final objective value.
        var finalObjective: Double? = nil
        if status != .failed {
            var st = current.stateAtStart
            finalObjective = Double(evaluator.evaluate(x, input: current.input, targets: current.targets,
                                                       context: current.context, state: &st, gradient: false).value)
        }
        var test: [String: Double] = [:]
        if let d = dataset, let a = assembler, d.test.count > 0, status == .completed {
            let m = splitMetrics(d.test, Array(0..<d.test.count), a, evaluator, x, &state)
            test["test_loss"] = m.loss
            if let acc = m.accuracy { test["test_accuracy"] = acc }
        }
        return TrainingOutcome(status: status, stopReason: stopReason, curves: curves, initialParameters: initial,
                               finalParameters: x, functionEvaluations: oracle.functionEvaluations,
                               gradientEvaluations: oracle.gradientEvaluations,
                               hessianVectorEvaluations: oracle.hessianVectorEvaluations,
                               stepsDone: stepsDone, testMetrics: test, earlyStoppingStep: earlyStep,
                               restoredStep: restoredStep,
                               curvature: probe == nil ? nil : curvature,
                               curvatureDensity: density.steps.isEmpty ? nil : density,
                               curvatureHessianVectorProducts: curvatureProducts, curvatureSeconds: diagnosticSeconds,
                               evaluationSeconds: evaluationSeconds, finalObjective: finalObjective)
    }

    /// Mean data loss (no penalty) and accuracy of `x` on rows `indices`, in eval mode.
    private func splitMetrics(_ split: Split, _ indices: [Int], _ assembler: BatchAssembler<S>,
                              _ evaluator: ObjectiveEvaluator<S>, _ x: [S],
                              _ state: inout ModelState<S>) -> (loss: Double, accuracy: Double?) {
        var context = ForwardContext(mode: .eval, seed: seed)
        regularizers.configure(&context)
        context.mode = .eval
        var lossSum = 0.0, weight = 0.0, correct = 0, labelled = 0
        var start = 0
        while start < indices.count {
            let chunk = Array(indices[start..<min(start + Self.evalChunk, indices.count)])
            start += chunk.count
            let (input, targets) = assembler.batch(split, chunk)
            var st = state
            let r = evaluator.evaluate(x, input: input, targets: targets, context: context, state: &st,
                                       gradient: false, includePenalty: false)
            let rows = targets.labels.isEmpty ? Double(chunk.count) : Double(targets.labels.filter { $0 >= 0 }.count)
            lossSum += Double(r.value) * rows
            weight += rows
            if !targets.labels.isEmpty {
                let (c, n) = Metrics.correctCount(logits: r.prediction, labels: targets.labels)
                correct += c; labelled += n
            }
        }
        let accuracy: Double? = {
            switch model.output {
            case .logits, .sequenceLogits: return labelled > 0 ? Double(correct) / Double(labelled) : nil
            default: return nil
            }
        }()
        return (weight > 0 ? lossSum / weight : .nan, accuracy)
    }
}

/// The batch, forward context and model state that the oracle's closures
/// evaluate on during the current step.
final class CurrentBatch<S: Scalar> {
    var input: ModelInput<S> = .none
    var targets = BatchTargets<S>.none
    var context = ForwardContext()
    var stateAtStart = ModelState<S>()
    var stateAfterFirst: ModelState<S>? = nil
    /// Gradient evaluations of the oracle whose gradient clipping changed (whole run).
    var transformedGradients = 0
}
