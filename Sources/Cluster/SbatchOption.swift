/// A user's own sbatch option (`bench slurm --sbatch-option X`), passed to
/// Slurm verbatim as one `#SBATCH` argument of the job scripts.
///
/// Safety rests on two facts. Bash reads `#SBATCH` lines as comments, so the
/// only way out of one is a line break: options with any control character
/// are refused. sbatch splits directive lines itself (not through a shell):
/// whitespace separates words, `"` and `'` quote, a backslash escapes the
/// next character and an unquoted `#` starts a comment. `directiveWord`
/// therefore writes an option holding any of those inside double quotes with
/// `\` and `"` escaped, so sbatch reads back exactly one word equal to the
/// option.
public enum SbatchOption {
    /// Options bench writes itself; setting them again would break the array
    /// (or silently fight bench's own flags), so they are refused by name.
    static let reserved: [(long: String, short: Character?, instead: String)] = [
        ("array", "a", "--tasks"), ("output", "o", "(bench sets the log folder)"), ("job-name", "J", "(bench names the job)"),
        ("partition", "p", "--partition"), ("time", "t", "--time"), ("cpus-per-task", "c", "--cpus-per-task"),
    ]

    /// Throws when `option` could break out of its directive line, is not an
    /// option, or sets something bench's own flags set.
    public static func validate(_ option: String) throws(ClusterError) {
        guard option.hasPrefix("-"), option.count >= 2 else {
            throw .invalidOption("--sbatch-option takes one sbatch option such as --account=proj or --mem=8G, got '\(option)'")
        }
        if let bad = option.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw .invalidOption("--sbatch-option must not contain control characters (found U+\(String(bad.value, radix: 16, uppercase: true))): '\(option.debugDescription.dropFirst().dropLast())'")
        }
        if option.hasPrefix("--") {
            let name = option.dropFirst(2).prefix { $0 != "=" }
            // sbatch accepts unambiguous abbreviations of long options, so `--arr` is `--array`.
            if !name.isEmpty, let hit = reserved.first(where: { $0.long.hasPrefix(name) }) {
                throw .invalidOption("--sbatch-option cannot set --\(hit.long); use bench slurm \(hit.instead)")
            }
        } else if let hit = reserved.first(where: { $0.short == option.dropFirst().first }) {
            throw .invalidOption("--sbatch-option cannot set -\(hit.short!) (--\(hit.long)); use bench slurm \(hit.instead)")
        }
    }

    /// `option` as one word of an `#SBATCH` line: as is when it holds only
    /// characters sbatch never treats specially, else double-quoted with `\`
    /// and `"` escaped.
    public static func directiveWord(_ option: String) -> String {
        let plain = option.unicodeScalars.allSatisfy { c in
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "-_=:,./+@%".unicodeScalars.contains(c))
        }
        if plain { return option }
        return "\"" + option.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
