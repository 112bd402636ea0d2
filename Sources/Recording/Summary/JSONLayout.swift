/// Re-indents compact JSON text for reading, keeping every token as written
/// (numbers are not re-parsed, so `0.001` stays `0.001`). Arrays that hold no
/// object or array stay on one line (`[64, 32]`).
enum JSONLayout {
    /// `text` laid out with one member or element per line, each level indented
    /// by two spaces after `indent`; nil if the brackets or quotes do not balance.
    static func pretty(_ text: String, indent: String = "") -> String? {
        var out = ""
        var depth = 0
        var inString = false
        var escaped = false
        let characters = Array(text)
        func newline() { out += "\n" + indent + String(repeating: "  ", count: depth) }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            defer { i += 1 }
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"":
                inString = true
                out.append(c)
            case "{", "[":
                var j = i + 1
                while j < characters.count, characters[j].isWhitespace { j += 1 }
                if j < characters.count, characters[j] == (c == "{" ? "}" : "]") {
                    out += c == "{" ? "{}" : "[]"
                    i = j
                } else if c == "[", let end = flatArrayEnd(characters, from: i) {
                    out += "[" + splitTopLevel(characters[(i + 1)..<end]).joined(separator: ", ") + "]"
                    i = end
                } else {
                    out.append(c)
                    depth += 1
                    newline()
                }
            case "}", "]":
                depth -= 1
                if depth < 0 { return nil }
                newline()
                out.append(c)
            case ",":
                out.append(c)
                newline()
            case ":":
                out += ": "
            default:
                if !c.isWhitespace { out.append(c) }
            }
        }
        return depth == 0 && !inString ? indent + out : nil
    }

    /// The index of the `]` closing the array that opens at `start`, if the
    /// array contains no nested array or object.
    private static func flatArrayEnd(_ characters: [Character], from start: Int) -> Int? {
        var inString = false
        var escaped = false
        for j in (start + 1)..<characters.count {
            let c = characters[j]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "[", "{": return nil
            case "]": return j
            default: break
            }
        }
        return nil
    }

    /// The comma-separated items of `characters` (outside strings), trimmed of
    /// whitespace outside strings.
    private static func splitTopLevel(_ characters: ArraySlice<Character>) -> [String] {
        var items: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for c in characters {
            if inString {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "," {
                items.append(current)
                current = ""
            } else if c == "\"" {
                inString = true
                current.append(c)
            } else if !c.isWhitespace {
                current.append(c)
            }
        }
        items.append(current)
        return items
    }
}
