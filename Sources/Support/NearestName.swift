/// Suggests the closest known name for a misspelled one (Levenshtein distance).
public enum NearestName {
    /// Edit distance between two strings (insertions, deletions, substitutions).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }

    /// The candidate nearest to `name`, or nil when nothing is reasonably close
    /// (distance more than half the name's length, at least 3).
    public static func suggest(_ name: String, among candidates: [String]) -> String? {
        let best = candidates.map { ($0, distance(name.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let (candidate, d) = best, d <= max(3, name.count / 2) else { return nil }
        return candidate
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint(_ name: String, among candidates: [String]) -> String {
        suggest(name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
