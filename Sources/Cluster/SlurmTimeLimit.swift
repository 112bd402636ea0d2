/// Checks a wall-clock limit written for `sbatch --time`.
///
/// Accepted forms (a subset of those in sbatch(1), "-t, --time"):
/// `HH:MM:SS` with any number of hour digits, and `D-HH:MM:SS` with hours
/// below 24. Minutes and seconds take two digits below 60. A zero limit is
/// rejected because Slurm reads `--time=0` as "no limit", which is surely
/// not what a zero written by hand means.
public enum SlurmTimeLimit {
    /// Seconds in `text`, or nil when it is not one of the accepted forms.
    public static func seconds(_ text: String) -> Int? {
        var days = 0
        var clock = Substring(text)
        if let dash = text.firstIndex(of: "-") {
            guard let d = digits(text[..<dash], count: nil) else { return nil }
            days = d
            clock = text[text.index(after: dash)...]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let h = digits(parts[0], count: text.contains("-") ? 2 : nil),
              let m = digits(parts[1], count: 2), let s = digits(parts[2], count: 2),
              m < 60, s < 60, !text.contains("-") || h < 24 else { return nil }
        let total = ((days * 24 + h) * 60 + m) * 60 + s
        return total > 0 ? total : nil
    }

    /// The decimal value of `text` when it is only ASCII digits (exactly
    /// `count` of them when given; at most 6 otherwise, to stay far from overflow).
    private static func digits(_ text: Substring, count: Int?) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if let count, text.utf8.count != count { return nil }
        guard text.utf8.count <= 6 else { return nil }
        return Int(text)
    }
}
