import GridLanguage
/// A deterministic share `index` of `count` of a grid's cells, for job arrays.
///
/// Cells are balanced by expected cost: sorted by decreasing cost (ties by run
/// id), each cell goes to the shard with the least total cost so far (ties to the
/// lowest shard). Every cell belongs to exactly one shard, whatever the grid order.
public struct Shard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    /// Parses `I/N` with 0 <= I < N.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw HarnessError.input("--shard must look like I/N (for example 0/4), got '\(text)'")
        }
        guard n >= 1 else { throw HarnessError.input("--shard \(text): N must be at least 1") }
        guard i >= 0 && i < n else { throw HarnessError.input("--shard \(text): I must be in 0..<\(n)") }
        index = i; count = n
    }

    public init(index: Int, count: Int) { self.index = index; self.count = count }

    /// The cells of this shard, in grid order.
    public func select(_ cells: [Cell]) -> [Cell] {
        let assignment = Shard.assign(cells, shards: count)
        return cells.filter { assignment[$0.runId] == index }
    }

    /// Shard of each run id under greedy longest-processing-time balancing.
    public static func assign(_ cells: [Cell], shards: Int) -> [String: Int] {
        let ordered = cells.sorted { a, b in
            let (ca, cb) = (a.expectedCost, b.expectedCost)
            return ca != cb ? ca > cb : a.runId < b.runId
        }
        // Shards past the number of cells never receive one (an empty shard of lower
        // index always wins the tie), so only those need tracking: `--shard 0/4000000000`
        // then costs nothing.
        var load = [Double](repeating: 0, count: max(1, min(shards, cells.count)))
        var out: [String: Int] = [:]
        for c in ordered {
            var best = 0
            for s in 1..<load.count where load[s] < load[best] { best = s }
            load[best] += c.expectedCost
            out[c.runId] = best
        }
        return out
    }
}
