import Datasets
import Models

/// An estimate of the memory one cell needs, by part, computed from the
/// declarations' parameters and the data's sizes without allocating anything.
///
/// The parts follow what a run holds at once: parameters and their copies
/// (gradient, initial and kept points), optimizer state, the dense n x n
/// matrix of `bfgs`/`dfp`/`sr1`, what the model allocates when built,
/// activations of one batch (or one 512-row evaluation chunk), and the data.
public struct CellMemory: Sendable {
    public var parameters: Double
    public var optimizerState: Double
    public var denseMatrix: Double
    public var model: Double
    public var activations: Double
    public var data: Double
    /// Trainable scalars (for messages).
    public var parameterCount: Double

    /// Bytes in total.
    public var total: Double { parameters + optimizerState + denseMatrix + model + activations + data }

    /// Estimates `cell` on data of `shape` (nil when the data's sizes are known
    /// only once it is loaded; `dataBytes` then says what the loaded data takes).
    public static func estimate(_ cell: Cell, shape: DataShape?, signature: DataSignature? = nil,
                                dataBytes: Double? = nil) -> CellMemory {
        let scalar: Double = cell.train.dtype == .float64 ? 8 : 4
        let signature = signature ?? shape.flatMap { DataSignatures.signature(input: $0.input, task: $0.task) }
        let footprint = ModelRegistry.footprint(id: cell.model.id, params: cell.model.params, data: signature)
        let n = footprint.parameters
        let trainRows = shape.map { Double($0.rows) * 0.8 } ?? Double(cell.train.batchSize ?? 1)
        let batchRows = min(Double(cell.train.batchSize ?? Int.max), trainRows)
        let rows = max(batchRows, min(512, trainRows))
        return CellMemory(
            // The point, its gradient, a trial point, the initial, kept and final
            // copies, and the flattened tensors of the record.
            parameters: 7 * n * scalar,
            optimizerState: stateVectors(cell.optimizer) * n * scalar,
            denseMatrix: isDense(cell.optimizer) ? n * n * scalar : 0,
            model: footprint.fixedScalars * 8,
            // Values, gradients and the reverse-over-reverse pass of the tape.
            activations: 3 * rows * footprint.activationsPerRow * scalar,
            data: dataBytes ?? shape?.bytes ?? 0,
            parameterCount: n)
    }

    /// Vectors of optimizer state: moments for first-order methods, curvature
    /// pairs for limited-memory ones, CG vectors for Newton-CG.
    private static func stateVectors(_ optimizer: ComponentSpec) -> Double {
        switch optimizer.family {
        case .quasiNewton?: return 2 * Double(optimizer.params["history"]?.intValue ?? 0) + 4
        case .secondOrder?: return 8
        default: return 3
        }
    }

    /// Dense quasi-Newton methods are the ones that declare a matrix size limit.
    private static func isDense(_ optimizer: ComponentSpec) -> Bool {
        optimizer.params["max_memory_mb"] != nil
    }

    /// The part that dominates, with the grid entry it comes from.
    func culprit(_ origin: CellOrigin) -> (GridLocation, String) {
        let parts: [(Double, GridLocation, String)] = [
            (data, origin.dataset ?? origin.model, "data"),
            (denseMatrix, origin.optimizer, "the dense \(Int(parameterCount)) x \(Int(parameterCount)) matrix"),
            (parameters + optimizerState, origin.model, "parameters and optimizer state"),
            (model, origin.model, "the model's fixed tables"),
            (activations, origin.model, "activations"),
        ]
        let top = parts.max { $0.0 < $1.0 }!
        return (top.1, top.2)
    }

    /// One line listing the parts.
    var breakdown: String {
        let f = MemoryLimit.format
        var out = ["\(formatCount(parameterCount)) parameters \(f(parameters))", "optimizer state \(f(optimizerState))"]
        if denseMatrix > 0 { out.append("dense matrix \(f(denseMatrix))") }
        if model > 0 { out.append("model tables \(f(model))") }
        out.append("activations \(f(activations))")
        out.append("data \(f(data))")
        return out.joined(separator: ", ")
    }

    private func formatCount(_ x: Double) -> String {
        x < 1e6 ? "\(Int(x))" : String(format: "%.3g", x)
    }
}

/// Which model signature a data set's input and task give (the same table
/// `BatchAssembler` uses for loaded data).
enum DataSignatures {
    /// The signature, or nil for a pair no model reads.
    static func signature(input: InputKind, task: TaskKind) -> DataSignature? {
        switch (input, task) {
        case (.dense(let f), .classification(let c)): return .dense(features: f, classes: c)
        case (.dense(let f), .regression(let k)): return .regression(features: f, outputs: k)
        case (.sequence(let t, let f), .classification(let c)): return .sequence(steps: t, features: f, classes: c)
        case (.sequence(let t, let f), .regression(let k)): return .sequenceRegression(steps: t, features: f, outputs: k)
        case (.tokens(let t, let v), .classification(let c)): return .tokens(vocabulary: v, maxLength: t, classes: c)
        case (.tokens(let t, let v), .languageModel): return .languageModel(vocabulary: v, maxLength: t)
        // Per-step labels over fewer classes than tokens: models that predict
        // at every position over the vocabulary read it (classes c <= v).
        case (.tokens(let t, let v), .sequenceLabeling(let c)) where c <= v: return .languageModel(vocabulary: v, maxLength: t)
        default: return nil
        }
    }
}
