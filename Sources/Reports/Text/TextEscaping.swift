import Foundation

/// Escaping of untrusted text (names and labels from grid files) for each output format.
enum TextEscaping {
    /// One line of plain text: newlines, tabs and other control characters become spaces.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}") ? " " : scalar
        }))
    }

    /// Text for HTML element content and double-quoted attribute values.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text for a Markdown table cell or paragraph: one line, with Markdown and
    /// inline-HTML metacharacters neutralized.
    static func markdown(_ text: String) -> String {
        var out = ""
        for ch in singleLine(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~", "{", "}", "$":
                out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break,
    /// with inner quotes doubled. Fields that a spreadsheet would run as a formula
    /// (leading `=`, `+`, `-`, `@`) and that are not numbers get a leading `'`.
    static func csv(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+-@".contains(first), Double(field) == nil {
            field = "'" + field
        }
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// A label as a double-quoted field of a gnuplot data file. Data fields are
    /// never evaluated; the reader only unescapes backslashes, so `\` is doubled,
    /// and `"` (which it cannot escape reliably) becomes `'`. An empty label would
    /// shift the columns, so it becomes `-`.
    static func gnuplotDataString(_ text: String) -> String {
        var line = singleLine(text).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "'")
        if line.trimmingCharacters(in: .whitespaces).isEmpty { line = "-" }
        return "\"" + line + "\""
    }

    /// Text passed to gnuplot as a `-c` argument: one line (a newline would
    /// otherwise print as a line break in a title).
    static func gnuplotArgument(_ text: String) -> String {
        singleLine(text)
    }
}
