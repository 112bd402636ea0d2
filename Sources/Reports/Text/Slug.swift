import Support

/// File-name stems built from untrusted names.
///
/// A stem is `prefix-words-hash`: the words keep only `[a-z0-9]` runs joined by
/// `-`, and the hash is the first 8 hex digits of SHA-256 over the full,
/// unsanitized identity, so two identities that sanitize alike still get
/// distinct names. Stems start with a letter and never contain `<`, `|`, quotes,
/// slashes or spaces, which keeps them inert both as paths and inside gnuplot.
enum Slug {
    /// The stem for `identity` (any text, hashed), readable through `words` (any
    /// text, sanitized and cut to `maxWords` characters), starting with `prefix`
    /// (lowercase ASCII letters and dashes).
    static func make(prefix: String, words source: String, identity: String, maxWords: Int = 48) -> String {
        precondition(!prefix.isEmpty && prefix.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") },
                     "prefix must be lowercase ASCII")
        var words = ""
        var lastWasDash = true
        for scalar in source.lowercased().unicodeScalars {
            let isSafe = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isSafe {
                words.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                words.append("-")
                lastWasDash = true
            }
            if words.count >= maxWords { break }
        }
        while words.hasSuffix("-") { words.removeLast() }
        let hash = String(SHA256.hex(identity).prefix(8))
        return words.isEmpty ? "\(prefix)-\(hash)" : "\(prefix)-\(words)-\(hash)"
    }
}

extension Slug {
    /// An unambiguous identity from parts (joined by the ASCII unit separator).
    static func identity(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }
}
