import Support
import GridLanguage

extension Cell {
    /// A short human-readable label: optimizer, regularizer, model, dataset, seed.
    public var displayName: String {
        "\(optimizer.shortName) \(regularizerName) \(model.shortName) \(dataset?.shortName ?? "") seed \(seed)"
    }

    /// Relative expected cost of the cell, for balancing shards: the step budget
    /// times the model's and the optimizer's declared cost weights (recurrent and
    /// attention models cost more per step than dense ones; quasi-Newton and
    /// Hessian-vector-product methods evaluate more per step).
    public var expectedCost: Double {
        let steps = Double(train.steps ?? (train.epochs ?? 1) * 20)
        return steps * model.costWeight * optimizer.costWeight
    }
}
