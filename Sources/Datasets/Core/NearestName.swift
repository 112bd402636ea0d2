/// Finds the known name closest to a misspelt one, for "did you mean" hints.
enum NearestName {
    /// The name in `candidates` with the smallest edit distance to `name`, if that distance is at most 3.
    static func find(_ name: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = distance(Array(name.utf8), Array(c.utf8))
            if d <= 3 && (best == nil || d < best!.1) { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions) by dynamic programming.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1..<(b.count + 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
