/// Finds the known name nearest to a misspelled one, by Levenshtein edit
/// distance (insertions, deletions and substitutions each cost 1).
enum NameSuggestion {
    /// The Levenshtein distance between `a` and `b`, over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty { return t.count }
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in stride(from: 1, through: t.count, by: 1) {
                let substitution = previous[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[t.count]
    }

    /// The nearest candidate, if it is close enough to be a plausible typo:
    /// at most a third of the longer name's length, and at least 2 edits allowed.
    /// Ties go to the candidate listed first.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(lowered, candidate.lowercased())
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        let allowed = max(2, max(name.count, best.name.count) / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// "; did you mean 'x'?" or, with no close name, the list of known names.
    static func hint(for name: String, in candidates: [String], known: String = "known") -> String {
        if let near = nearest(to: name, in: candidates) { return "; did you mean '\(near)'?" }
        if candidates.isEmpty { return "" }
        return " (\(known): " + candidates.joined(separator: ", ") + ")"
    }
}
