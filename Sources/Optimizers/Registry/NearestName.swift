/// Finds the closest known name to a misspelt one by edit distance: Levenshtein's
/// insertions, deletions and substitutions plus transpositions of adjacent characters
/// (the optimal-string-alignment variant of Damerau-Levenshtein), each cost 1, taken
/// relative to the longer of the two names. So `adma` suggests `adam` (1 edit of 4),
/// not `adamw` (2 of 5), and `wolfe` suggests `strong_wolfe` (7 of 12), not `none` (3 of 5).
enum NearestName {
    /// The candidate nearest to `name` (first one on ties, compared case-insensitively),
    /// or nil when there are no candidates.
    static func suggest(_ name: String, among candidates: [String]) -> String? {
        var best: (name: String, edits: Int, length: Int)?
        let typed = name.lowercased()
        for c in candidates {
            let d = distance(typed, c.lowercased())
            let length = max(1, typed.unicodeScalars.count, c.unicodeScalars.count)
            // d / length < best.edits / best.length, compared exactly.
            if best == nil || d * best!.length < best!.edits * length { best = (c, d, length) }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance between `a` and `b`, over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }
}
