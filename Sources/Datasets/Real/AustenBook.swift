import Foundation

/// One of Jane Austen's six novels, cut into chapters of normalised text.
///
/// The text starts at the first chapter heading (a line `CHAPTER n` or
/// `Chapter n`, n in Roman or Arabic numerals) and ends at an end marker line
/// (`THE END`, `FINIS`, `Finis`, `A NOTE ON THE TEXT`) or the end of the file.
/// Headings and `VOLUME n` lines are dropped. A paragraph is a run of non-blank
/// lines joined by single spaces, with runs of blanks collapsed and the `_`
/// italics marks of the Gutenberg text removed.
struct AustenBook {
    /// The novels in class-label order (alphabetical).
    static let ids = ["emma", "mansfield_park", "northanger_abbey", "persuasion", "pride_and_prejudice",
                      "sense_and_sensibility"]

    let id: String
    /// The normalised paragraphs of all chapters, back to back (UTF-8).
    let text: [UInt8]
    /// Chapters in book order; each is a list of paragraph ranges in `text`.
    let chapters: [[Range<Int>]]

    /// Reads `austen/<id>.txt.gz` below `dataRoot`.
    init(id: String, dataRoot: URL) throws {
        let url = dataRoot.appendingPathComponent("austen").appendingPathComponent("\(id).txt.gz")
        try self.init(id: id, bytes: try DataFile.read(url), path: url.path)
    }

    init(id: String, bytes: [UInt8], path: String) throws {
        var chapters: [[Range<Int>]] = []
        // Normalising only drops bytes, so the output never outgrows the input.
        var text = [UInt8](repeating: 0, count: bytes.count)
        var used = 0
        text.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { b in
                var paragraphStart = 0
                func endParagraph() {
                    while used > paragraphStart && out[used - 1] == UInt8(ascii: " ") { used -= 1 }
                    if used > paragraphStart { chapters[chapters.count - 1].append(paragraphStart..<used) }
                    paragraphStart = used
                }
                var start = 0
                while start < b.count {
                    var end = start
                    while end < b.count && b[end] != UInt8(ascii: "\n") { end += 1 }
                    let next = end + 1
                    // Trim blanks (and a trailing carriage return) on both sides.
                    var s = start
                    while s < end && AustenBook.isBlank(b[s]) { s += 1 }
                    while end > s && AustenBook.isBlank(b[end - 1]) { end -= 1 }
                    start = next
                    let line = UnsafeBufferPointer(rebasing: b[s..<end])
                    if AustenBook.isHeading(line, AustenBook.chapterUpper) || AustenBook.isHeading(line, AustenBook.chapterTitle) {
                        if !chapters.isEmpty { endParagraph() }
                        chapters.append([])
                        continue
                    }
                    if chapters.isEmpty || AustenBook.isHeading(line, AustenBook.volume) { continue }
                    if AustenBook.endMarkers.contains(where: { $0.elementsEqual(line) }) { break }
                    if line.isEmpty {
                        endParagraph()
                        continue
                    }
                    if used > paragraphStart && out[used - 1] != UInt8(ascii: " ") {
                        out[used] = UInt8(ascii: " ")
                        used += 1
                    }
                    for c in line where c != UInt8(ascii: "_") {
                        if AustenBook.isBlank(c) {
                            if used == paragraphStart || out[used - 1] == UInt8(ascii: " ") { continue }
                            out[used] = UInt8(ascii: " ")
                        } else {
                            out[used] = c
                        }
                        used += 1
                    }
                }
                if !chapters.isEmpty { endParagraph() }
            }
        }
        text.removeLast(text.count - used)
        chapters.removeAll { $0.isEmpty }
        guard !chapters.isEmpty else {
            throw DatasetError.emptyData(path: path, expected: "chapter headings such as 'CHAPTER I' or 'Chapter 1'")
        }
        self.id = id
        self.text = text
        self.chapters = chapters
    }

    private static let endMarkers: [[UInt8]] = ["THE END", "FINIS", "Finis", "A NOTE ON THE TEXT"].map { Array($0.utf8) }
    private static let chapterUpper = Array("CHAPTER ".utf8), chapterTitle = Array("Chapter ".utf8)
    private static let volume = Array("VOLUME ".utf8)

    private static func isBlank(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r")
    }

    /// True for `prefix` (a word and a space) followed by a Roman or Arabic numeral.
    private static func isHeading(_ line: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard line.count > prefix.count, line[0] == prefix[0] else { return false }
        for i in 1..<prefix.count where line[i] != prefix[i] { return false }
        for i in prefix.count..<line.count {
            let c = line[i]
            let numeral = (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "I") || c == UInt8(ascii: "V")
                || c == UInt8(ascii: "X") || c == UInt8(ascii: "L") || c == UInt8(ascii: "C")
            if !numeral { return false }
        }
        return true
    }

    /// A chapter's paragraphs joined by `separator`.
    func text(ofChapter index: Int, separator: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        for (i, p) in chapters[index].enumerated() {
            if i > 0 { out.append(separator) }
            out.append(contentsOf: text[p])
        }
        return out
    }

    /// Paragraph `paragraph` of chapter `chapter` as UTF-8 bytes.
    func paragraph(_ paragraph: Int, ofChapter chapter: Int) -> ArraySlice<UInt8> {
        text[chapters[chapter][paragraph]]
    }
}
