import Support

extension Cell {
    /// A short human-readable label: optimizer, regularizer, model, dataset, seed.
    public var displayName: String {
        "\(optimizer.shortName) \(regularizerName) \(model.shortName) \(dataset?.shortName ?? "") seed \(seed)"
    }

    /// Relative expected cost of the cell, for balancing shards: the step budget
    /// times a per-model weight (recurrent and attention models cost more per step
    /// than dense ones) times a per-optimizer weight (evaluations per step).
    public var expectedCost: Double {
        let steps = Double(train.steps ?? (train.epochs ?? 1) * 20)
        let modelWeight: Double
        switch model.id {
        case "rnn", "charlm", "transformer": modelWeight = 20
        case "cnn": modelWeight = 8
        case "mlp": modelWeight = 2
        default: modelWeight = 1
        }
        let optimizerWeight: Double
        switch optimizer.id {
        case "lbfgs", "bfgs", "dfp", "sr1", "lsr1": optimizerWeight = 2.5
        case "newton_cg": optimizerWeight = 10
        default: optimizerWeight = 1
        }
        return steps * modelWeight * optimizerWeight
    }
}
