import Datasets
import Engine
import Foundation
import Models
import Optimizers
import Recording
import Regularizers
import Support

/// Builds the components of one cell, trains it and assembles its run record.
struct RunExecutor {
    let cell: Cell
    let gridName: String
    let dataset: Dataset?
    let threads: Int

    /// Trains the cell in its dtype; never throws: failures become a record with
    /// status `failed` and the error message.
    func execute() -> RunRecord {
        switch cell.train.dtype {
        case .float64: return execute(as: Double.self)
        default: return execute(as: Float.self)
        }
    }

    private func execute<S: Scalar>(as type: S.Type) -> RunRecord {
        let started = ProcessStats.now()
        do {
            let parts = try CellComponents.build(cell, dataset: dataset, scalar: S.self)
            var plan = parts.plan
            plan.threads = threads
            let trainer = Trainer<S>(model: parts.model, dataset: dataset, optimizer: parts.optimizer,
                                     regularizers: parts.regularizers, plan: plan, seed: UInt64(cell.seed), fullBatch: parts.isFullBatch,
                                     clock: ProcessStats.now)
            let outcome = trainer.run()
            return record(outcome, parts: parts, seconds: ProcessStats.now() - started)
        } catch {
            var r = baseRecord()
            r.attributes["status"] = .string(RunStatus.failed.rawValue)
            r.attributes["stop_reason"] = .string("failed before training")
            r.attributes["error"] = .string("\(error)")
            r.attributes["wall_time_s"] = .double(ProcessStats.now() - started)
            r.attributes["digest"] = .string(RunDigest.compute(r))
            return r
        }
    }

    private func baseRecord() -> RunRecord {
        var a: [String: AttributeValue] = [
            "run_id": .string(cell.runId), "grid": .string(gridName),
            "dataset": .string(cell.dataset?.shortName ?? "none"), "dataset_id": .string(cell.dataset?.id ?? "none"),
            "model": .string(cell.model.shortName), "model_id": .string(cell.model.id),
            "optimizer": .string(cell.optimizer.shortName), "optimizer_id": .string(cell.optimizer.id),
            "optimizer_family": .string(cell.optimizer.family?.rawValue ?? ""),
            "regularizer": .string(cell.regularizerName), "regularizer_id": .string(cell.regularizerId),
            "seed": .int(Int64(cell.seed)), "config": .string(cell.canonicalJSON),
            "optimizer_params": .string(cell.optimizer.paramsJSON),
            "engine_version": .string(EngineVersion.current), "dtype": .string(cell.train.dtype.rawValue),
        ]
        a["threads"] = .int(Int64(threads))
        return RunRecord(attributes: a)
    }

    private func record<S: Scalar>(_ o: TrainingOutcome<S>, parts: CellComponents<S>, seconds: Double) -> RunRecord {
        var r = baseRecord()
        r.attributes["status"] = .string(o.status.rawValue)
        r.attributes["stop_reason"] = .string(o.stopReason)
        if o.status == .failed { r.attributes["error"] = .string(o.stopReason) }
        r.attributes["param_count"] = .int(Int64(parts.layout.count))
        r.attributes["f_evals"] = .int(Int64(o.functionEvaluations))
        r.attributes["g_evals"] = .int(Int64(o.gradientEvaluations))
        r.attributes["hv_evals"] = .int(Int64(o.hessianVectorEvaluations))
        r.attributes["steps_done"] = .int(Int64(o.stepsDone))
        r.attributes["wall_time_s"] = .double(seconds)
        r.attributes["eval_time_s"] = .double(o.evaluationSeconds)
        if let f = o.finalObjective { r.attributes["final_objective"] = .double(f) }
        r.attributes["peak_rss_bytes"] = .int(ProcessStats.peakResidentBytes())
        r.attributes["stochastic"] = .string(parts.isStochastic ? "true" : "false")
        if case .objective(let m?) = parts.model.output { r.attributes["f_star"] = .double(m) }
        if let e = o.earlyStoppingStep { r.attributes["early_stopping_step"] = .int(Int64(e)) }
        if let e = o.restoredStep { r.attributes[RunFileHeader.restoredStepAttribute] = .int(Int64(e)) }
        for (k, v) in o.testMetrics { r.attributes[k] = .double(v) }
        if let c = o.curvature {
            r.series["hessian"] = c
            r.attributes["diagnostics_hv_evals"] = .int(Int64(o.curvatureHessianVectorProducts))
            r.attributes["diagnostics_time_s"] = .double(o.curvatureSeconds)
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
        r.attributes["digest"] = .string(RunDigest.compute(r))
        return r
    }

    static func stored<S: Scalar>(_ t: Tensor<S>) -> StoredTensor {
        if let f = t.data as? [Float] { return StoredTensor(shape: t.shape, elements: .float32(f)) }
        return StoredTensor(shape: t.shape, elements: .float64(t.data.map { Double($0) }))
    }
}
