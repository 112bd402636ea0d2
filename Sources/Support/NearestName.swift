/// "Did you mean" suggestions for a misspelt name, with one behaviour for every
/// message that names an unknown component, parameter, key or choice.
///
/// Distance is the optimal-string-alignment variant of Damerau-Levenshtein:
/// insertions, deletions, substitutions and transpositions of adjacent
/// characters, each cost 1, compared case-insensitively over Unicode scalars.
/// The nearest candidate is the one with the fewest edits relative to the
/// longer of the two names (first listed on ties), so `adma` suggests `adam`
/// (1 edit of 4) rather than `adamw` (2 of 5). It is suggested only when it is a
/// plausible typo: at most a third of the longer name in edits (at least 2), or
/// the typed name (3 or more characters) appears inside it, as `wolfe` does in
/// `strong_wolfe`.
public enum NearestName {
    /// Optimal-string-alignment distance between `a` and `b`.
    public static func distance(_ a: String, _ b: String) -> Int {
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

    /// The nearest candidate if it is a plausible typo of `name`, else nil.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let typed = name.lowercased()
        var best: (name: String, edits: Int, length: Int)?
        for candidate in candidates {
            let c = candidate.lowercased()
            let d = distance(typed, c)
            let length = max(1, typed.unicodeScalars.count, c.unicodeScalars.count)
            // d / length < best.edits / best.length, compared exactly.
            if best == nil || d * best!.length < best!.edits * length { best = (candidate, d, length) }
        }
        guard let best else { return nil }
        let contained = typed.unicodeScalars.count >= 3 && best.name.lowercased().contains(typed)
        return best.edits <= max(2, best.length / 3) || contained ? best.name : nil
    }

    /// The same as `nearest(to:in:)`.
    public static func suggest(_ name: String, among candidates: [String]) -> String? {
        nearest(to: name, in: candidates)
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint(_ name: String, among candidates: [String]) -> String {
        suggest(name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// "; did you mean 'x'?" or, with no close name, the list of known names.
    public static func hint(for name: String, in candidates: [String], known: String = "known") -> String {
        if let near = nearest(to: name, in: candidates) { return "; did you mean '\(near)'?" }
        if candidates.isEmpty { return "" }
        return " (\(known): " + candidates.joined(separator: ", ") + ")"
    }
}
