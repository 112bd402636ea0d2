/// Learns how long cells take, for the ETA of `bench run`.
///
/// Each cell carries `expectedCost` (steps times the model's and optimizer's
/// declared weights). The model measures seconds per unit of that cost from
/// finished cells, separately per model and optimizer (`key`), since declared
/// weights are only rough; a pair not seen yet uses the rate over all finished
/// cells, and before any cell finished, the rate running cells show so far.
/// Cells that stopped early (divergence, early stopping, budgets) count only
/// the share of their steps they did.
public struct CellTimeModel: Sendable {
    private var seconds: [String: Double] = [:]
    private var units: [String: Double] = [:]
    private var allSeconds = 0.0
    private var allUnits = 0.0

    public init() {}

    /// The key that cells of similar cost per step share: model and optimizer ids.
    public static func key(_ cell: Cell) -> String { cell.model.id + "|" + cell.optimizer.id }

    /// Learns from a finished cell that did `fraction` (0...1) of its steps in `seconds`.
    public mutating func learn(_ cell: Cell, seconds s: Double, fraction: Double) {
        let u = cell.expectedCost * min(max(fraction, 0), 1)
        guard u > 0, s.isFinite, s >= 0 else { return }
        let k = Self.key(cell)
        seconds[k, default: 0] += s; units[k, default: 0] += u
        allSeconds += s; allUnits += u
    }

    /// Seconds per cost unit for `cell`: its pair's rate, else the overall rate, else nil.
    public func rate(for cell: Cell) -> Double? { rate(forKey: Self.key(cell)) }

    /// Seconds per cost unit for cells of `key`: their rate, else the overall rate, else nil.
    public func rate(forKey k: String) -> Double? {
        if let u = units[k], u > 0 { return seconds[k, default: 0] / u }
        return allUnits > 0 ? allSeconds / allUnits : nil
    }

    /// Seconds still needed for `remainingCost` (cost units not yet done, by
    /// key) spread over `cells` unfinished cells on `jobs` workers; nil when
    /// nothing is known yet. `fallbackRate` (seconds per unit measured in
    /// running cells) is used when no cell has finished. Costs come summed by
    /// key, so the estimate takes time in the number of keys, not of cells.
    public func remainingSeconds(_ remainingCost: [String: Double], cells: Int, jobs: Int, fallbackRate: Double?) -> Double? {
        guard cells > 0 else { return 0 }
        var total = 0.0
        for (k, cost) in remainingCost where cost > 0 {
            guard let r = rate(forKey: k) ?? fallbackRate else { return nil }
            total += r * cost
        }
        return total / Double(min(max(1, jobs), cells))
    }
}
