/// Suggests the closest known name for a misspelled one (Levenshtein distance).
public enum NearestName {
    /// Edit distance between two strings (insertions, deletions, substitutions).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
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

    /// The candidate nearest to `name`, or nil when nothing is plausibly close.
    public static func suggest(_ name: String, among candidates: [String]) -> String? {
        nearest(to: name, in: candidates)
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint(_ name: String, among candidates: [String]) -> String {
        suggest(name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The nearest candidate if it is a plausible typo: at most a third of the
    /// longer name's length in edits (at least 2). Ties go to the first listed.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
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
    public static func hint(for name: String, in candidates: [String], known: String = "known") -> String {
        if let near = nearest(to: name, in: candidates) { return "; did you mean '\(near)'?" }
        if candidates.isEmpty { return "" }
        return " (\(known): " + candidates.joined(separator: ", ") + ")"
    }
}
