import Datasets
import Engine
import Foundation
import Models
import Optimizers
import Recording
import Regularizers
import Support
import GridLanguage

/// Builds the components of one cell, trains it and assembles its run record.
struct RunExecutor {
    let cell: Cell
    let gridName: String
    let dataset: Dataset?
    let threads: Int
    /// Told after every training step (progress display); nil for none.
    var observer: ((StepProgress) -> Void)? = nil

    /// Trains the cell in its dtype; never throws: failures become a record with
    /// status `failed` and the error message.
    func execute() -> RunRecord {
        switch cell.train.dtype {
        case .float64: return execute(as: Double.self)
        default: return execute(as: Float.self)
        }
    }

    private func execute<S: Scalar>(as type: S.Type) -> RunRecord {
        let started = ProcessStats.now(), startDate = Date()
        do {
            let parts = try CellComponents.build(cell, dataset: dataset, scalar: S.self)
            var plan = parts.plan
            plan.threads = threads
            let trainer = Trainer<S>(model: parts.model, dataset: dataset, optimizer: parts.optimizer,
                                     regularizers: parts.regularizers, plan: plan, seed: UInt64(cell.seed), fullBatch: parts.isFullBatch,
                                     clock: ProcessStats.now, observer: observer)
            let outcome = trainer.run()
            return record(outcome, parts: parts, seconds: ProcessStats.now() - started, startDate: startDate)
        } catch {
            var r = baseRecord(startDate: startDate)
            r.attributes[RunFileNames.Attribute.status] = .string(RunStatus.failed.rawValue)
            r.attributes[RunFileNames.Attribute.stopReason] = .string("failed before training")
            r.attributes[RunFileNames.Attribute.error] = .string("\(error)")
            r.attributes[RunFileNames.Attribute.wallTimeS] = .double(ProcessStats.now() - started)
            r.attributes[RunFileNames.Attribute.digest] = .string(RunDigest.compute(r))
            return r
        }
    }

    /// Identity and provenance attributes; the run ends now.
    private func baseRecord(startDate: Date) -> RunRecord {
        var a: [String: AttributeValue] = [
            RunFileNames.Attribute.runID: .string(cell.runId), RunFileNames.Attribute.grid: .string(gridName),
            RunFileNames.Attribute.dataset: .string(cell.dataset?.shortName ?? "none"), RunFileNames.Attribute.datasetID: .string(cell.dataset?.id ?? "none"),
            RunFileNames.Attribute.model: .string(cell.model.shortName), RunFileNames.Attribute.modelID: .string(cell.model.id),
            RunFileNames.Attribute.optimizer: .string(cell.optimizer.shortName), RunFileNames.Attribute.optimizerID: .string(cell.optimizer.id),
            RunFileNames.Attribute.optimizerFamily: .string(cell.optimizer.family?.rawValue ?? ""),
            RunFileNames.Attribute.regularizer: .string(cell.regularizerName), RunFileNames.Attribute.regularizerID: .string(cell.regularizerId),
            RunFileNames.Attribute.seed: .int(Int64(cell.seed)), RunFileNames.Attribute.config: .string(cell.canonicalJSON),
            RunFileNames.Attribute.optimizerParams: .string(cell.optimizer.paramsJSON),
            RunFileNames.Attribute.dtype: .string(cell.train.dtype.rawValue),
        ]
        a.merge(RunProvenance.attributes(start: startDate, end: Date())) { own, _ in own }
        a[RunFileNames.Attribute.threads] = .int(Int64(threads))
        return RunRecord(attributes: a)
    }

    private func record<S: Scalar>(_ o: TrainingOutcome<S>, parts: CellComponents<S>, seconds: Double,
                                   startDate: Date) -> RunRecord {
        var r = baseRecord(startDate: startDate)
        r.attributes[RunFileNames.Attribute.status] = .string(o.status.rawValue)
        r.attributes[RunFileNames.Attribute.stopReason] = .string(o.stopReason)
        if o.status == .failed { r.attributes[RunFileNames.Attribute.error] = .string(o.stopReason) }
        r.attributes[RunFileNames.Attribute.paramCount] = .int(Int64(parts.layout.count))
        r.attributes[RunFileNames.Attribute.fEvals] = .int(Int64(o.functionEvaluations))
        r.attributes[RunFileNames.Attribute.gEvals] = .int(Int64(o.gradientEvaluations))
        r.attributes[RunFileNames.Attribute.hvEvals] = .int(Int64(o.hessianVectorEvaluations))
        r.attributes[RunFileNames.Attribute.stepsDone] = .int(Int64(o.stepsDone))
        r.attributes[RunFileNames.Attribute.wallTimeS] = .double(seconds)
        r.attributes[RunFileNames.Attribute.evalTimeS] = .double(o.evaluationSeconds)
        if let f = o.finalObjective { r.attributes[RunFileNames.Attribute.finalObjective] = .double(f) }
        r.attributes[RunFileNames.Attribute.peakRSSBytes] = .int(ProcessStats.peakResidentBytes())
        r.attributes[RunFileNames.Attribute.stochastic] = .string(parts.isStochastic ? "true" : "false")
        if case .objective(let m?) = parts.model.output { r.attributes[RunFileNames.Attribute.fStar] = .double(m) }
        if let e = o.earlyStoppingStep { r.attributes[RunFileNames.Attribute.earlyStoppingStep] = .int(Int64(e)) }
        if let e = o.restoredStep { r.attributes[RunFileNames.Attribute.restoredStep] = .int(Int64(e)) }
        for (k, v) in o.testMetrics { r.attributes[k] = .double(v) }
        if let c = o.curvature {
            r.series["hessian"] = c
            r.attributes[RunFileNames.Attribute.diagnosticsHvEvals] = .int(Int64(o.curvatureHessianVectorProducts))
            r.attributes[RunFileNames.Attribute.diagnosticsTimeS] = .double(o.curvatureSeconds)
        }
        if let d = o.curvatureDensity { r.series["hessian_density"] = d }
        r.steps = o.curves.steps
        r.curves = o.curves.columns
        r.wallTime = o.curves.wallTime
        let initial = parts.layout.unflatten(o.initialParameters), final = parts.layout.unflatten(o.finalParameters)
        for (i, spec) in parts.layout.specs.enumerated() {
            r.tensors["initial/" + spec.name] = Self.stored(initial[i])
            r.tensors["final/" + spec.name] = Self.stored(final[i])
        }
        r.attributes[RunFileNames.Attribute.digest] = .string(RunDigest.compute(r))
        return r
    }

    static func stored<S: Scalar>(_ t: Tensor<S>) -> StoredTensor {
        if let f = t.data as? [Float] { return StoredTensor(shape: t.shape, elements: .float32(f)) }
        return StoredTensor(shape: t.shape, elements: .float64(t.data.map { Double($0) }))
    }
}
