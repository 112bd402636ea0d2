import Engine

/// The state of early stopping during one run: the best validation loss so far,
/// the parameters and step where it was reached, and the step where training stopped.
///
/// An evaluation improves when its loss is below `best - minDelta` (the rule of
/// Keras' and PyTorch Lightning's `EarlyStopping`; the first finite loss always
/// improves). After `patience` consecutive evaluations without improvement,
/// `observe` returns true and records `stoppedAtStep`. A NaN loss never improves.
/// One instance belongs to one run; it is not shared between threads.
public final class EarlyStopping<S: Scalar> {
    public let patience: Int
    public let minDelta: Double
    public private(set) var bestLoss: Double?
    public private(set) var bestParameters: [S]?
    public private(set) var bestStep: Int?
    public private(set) var stoppedAtStep: Int?
    /// Evaluations since the last improvement.
    public private(set) var evaluationsWithoutImprovement = 0

    public init(patience: Int, minDelta: Double) {
        precondition(patience >= 1, "patience must be >= 1, got \(patience)")
        precondition(minDelta >= 0 && minDelta.isFinite, "min_delta must be finite and >= 0, got \(minDelta)")
        self.patience = patience
        self.minDelta = minDelta
    }

    /// Records the validation loss measured at `step` with `parameters` (the flat
    /// vector, copied when it is the best so far). Returns true when training should
    /// stop; once stopped, it keeps returning true without changing anything.
    public func observe(validationLoss: Double, step: Int, parameters: [S]) -> Bool {
        if stoppedAtStep != nil { return true }
        let improves = bestLoss.map { validationLoss < $0 - minDelta } ?? validationLoss.isFinite
        if improves {
            bestLoss = validationLoss
            bestParameters = parameters
            bestStep = step
            evaluationsWithoutImprovement = 0
            return false
        }
        evaluationsWithoutImprovement += 1
        if evaluationsWithoutImprovement >= patience {
            stoppedAtStep = step
            return true
        }
        return false
    }

    /// Overwrites `parameters` with the best ones seen; returns false (and leaves
    /// them) when no evaluation has improved yet.
    @discardableResult
    public func restoreBest(into parameters: inout [S]) -> Bool {
        guard let best = bestParameters else { return false }
        precondition(best.count == parameters.count, "best parameters have \(best.count) values, not \(parameters.count)")
        parameters = best
        return true
    }
}
