/// Finds words in UTF-8 text.
///
/// A word is a maximal run of ASCII letters and digits and non-ASCII
/// characters, where an apostrophe between two such characters stays inside
/// the word (`Elizabeth's`, `don't`). Everything else (punctuation, spaces,
/// hyphens, underscores) separates words. Word tokens are lowercased (ASCII).
enum WordScanner {
    /// Byte ranges of the words of `text`, in order.
    static func words(in text: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = text.count
        while i < n {
            guard isWordByte(text[i]) else { i += 1; continue }
            let start = i
            while i < n {
                if isWordByte(text[i]) {
                    i += 1
                } else if text[i] == UInt8(ascii: "'"), i + 1 < n, isWordByte(text[i + 1]) {
                    i += 2
                } else {
                    break
                }
            }
            out.append(start..<i)
        }
        return out
    }

    /// The lowercased word `text[range]`.
    static func token(_ text: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: text[range].map { b in
            b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b
        }, as: UTF8.self)
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b >= 0x80
    }
}
