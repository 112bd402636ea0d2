/// Writes `JSONNode`s as text with a single spelling per value: object keys in
/// the order of their UTF-8 bytes, strings escaped as RFC 8259 section 7
/// requires, numbers exactly as their literal text.
///
/// The indented form puts each object member on its own line and keeps an array
/// of scalars on one line, so a curve is one line of a diff and a stored
/// baseline stays readable.
public enum JSONWriter {
    /// The indented text of `node`, ending with a newline.
    public static func indented(_ node: JSONNode) -> String {
        var out = ""
        writeIndented(node, depth: 0, to: &out)
        out += "\n"
        return out
    }

    /// Appends the text of `node` without whitespace.
    public static func writeCompact(_ node: JSONNode, to out: inout String) {
        switch node {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                writeCompact(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in sortedKeys(members).enumerated() {
                if i > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                writeCompact(members[key]!, to: &out)
            }
            out += "}"
        default:
            writeScalar(node, to: &out)
        }
    }

    /// Object keys ordered by the bytes of their UTF-8 encoding (code-point order).
    public static func sortedKeys(_ members: [String: JSONNode]) -> [String] {
        members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func writeIndented(_ node: JSONNode, depth: Int, to out: inout String) {
        let pad = String(repeating: "  ", count: depth + 1)
        switch node {
        case .array(let items) where items.contains(where: isContainer):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                writeIndented(item, depth: depth + 1, to: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: depth) + "]"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                writeScalar(item, to: &out)
            }
            out += "]"
        case .object(let members) where members.isEmpty:
            out += "{}"
        case .object(let members):
            out += "{\n"
            let keys = sortedKeys(members)
            for (i, key) in keys.enumerated() {
                out += pad
                writeString(key, to: &out)
                out += ": "
                writeIndented(members[key]!, depth: depth + 1, to: &out)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: depth) + "}"
        default:
            writeScalar(node, to: &out)
        }
    }

    private static func isContainer(_ node: JSONNode) -> Bool {
        switch node {
        case .array, .object: return true
        default: return false
        }
    }

    private static func writeScalar(_ node: JSONNode, to out: inout String) {
        switch node {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let literal): out += literal
        case .string(let s): writeString(s, to: &out)
        case .array, .object: writeCompact(node, to: &out)
        }
    }

    private static let hexDigits = Array("0123456789abcdef")

    /// Appends `s` as a JSON string: quote, backslash and control characters
    /// escaped, everything else as UTF-8. This is the one string escaping of
    /// the project, including the canonical JSON that run ids hash.
    ///
    /// Backspace and form feed are written `\u0008` and `\u000c` rather than
    /// `\b` and `\f`, because that is how run ids have always hashed them.
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                out += "\\u00" + String(hexDigits[Int(c.value >> 4)]) + String(hexDigits[Int(c.value & 0xF)])
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
