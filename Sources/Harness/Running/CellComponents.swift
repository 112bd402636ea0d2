import Datasets
import Engine
import Models
import Optimizers
import Regularizers
import Support
import GridLanguage

/// The model, optimizer, regularizers and budget of one cell, built and checked
/// against each other (regularizer slots, dense-method memory limits).
struct CellComponents<S: Scalar> {
    let model: any Model
    let layout: ParameterLayout
    let optimizer: any Optimizer<S>
    let regularizers: RegularizerStack
    let plan: TrainingPlan
    let isStochastic: Bool
    /// One fixed objective for the whole run (full batch or no data).
    let isFullBatch: Bool

    /// Builds every component of `cell`; throws a user-facing error naming the
    /// component when they do not fit together.
    static func build(_ cell: Cell, dataset: Dataset?, scalar: S.Type) throws -> CellComponents<S> {
        let regularizers = try RegularizerStack(cell.regularizers.map {
            try RegularizerRegistry.make(id: $0.id, params: Params($0.params))
        })
        let signature = dataset.map { BatchAssembler<S>(dataset: $0).signature } ?? .none
        let model = try ModelRegistry.make(id: cell.model.id, params: Params(cell.model.params), data: signature,
                                           normalization: regularizers.normalization)
        try regularizers.validate(model: model)
        let layout = ParameterLayout(model.parameterSpecs)
        let train = cell.train
        let stepsPerEpoch = dataset.map { Batcher(count: $0.train.count, batchSize: train.batchSize, seed: 0).stepsPerEpoch } ?? 1
        let totalSteps = train.steps ?? ((train.epochs ?? 1) * stepsPerEpoch)
        let optimizer: any Optimizer<S> = try OptimizerRegistry.make(id: cell.optimizer.id,
                                                                     params: cell.optimizer.params,
                                                                     dimension: layout.count, totalSteps: totalSteps)
        optimizer.attach(layout.tensorBlocks)
        let fullBatch = train.batchSize == nil || (dataset.map { train.batchSize! >= $0.train.count } ?? true)
        let plan = TrainingPlan(totalSteps: totalSteps, batchSize: train.batchSize,
                                evalEvery: max(1, min(train.evalEvery(totalSteps: totalSteps), totalSteps)),
                                timeLimit: train.timeLimit, maxEvaluations: train.maxEvaluations,
                                hessian: train.diagnostics?.hessian)
        return CellComponents(model: model, layout: layout, optimizer: optimizer, regularizers: regularizers,
                              plan: plan, isStochastic: !fullBatch || regularizers.isStochastic, isFullBatch: fullBatch)
    }
}

extension ParameterLayout {
    /// The layout as the optimizers' `TensorBlocks`: for each parameter its offset,
    /// shape and role, in flat-vector order.
    var tensorBlocks: TensorBlocks {
        TensorBlocks(specs.indices.map { i in
            let role: TensorBlocks.Role
            switch specs[i].role {
            case .weight: role = .weight
            case .bias: role = .bias
            case .gain: role = .gain
            case .embedding: role = .embedding
            case .point: role = .point
            }
            return TensorBlocks.Block(name: specs[i].name, offset: offsets[i], shape: specs[i].shape, role: role)
        })
    }
}
