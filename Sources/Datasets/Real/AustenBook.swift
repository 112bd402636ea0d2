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
    /// Chapters in book order; each is a list of paragraphs as UTF-8 bytes.
    let chapters: [[[UInt8]]]

    /// Reads `austen/<id>.txt.gz` below `dataRoot`.
    init(id: String, dataRoot: URL) throws {
        let url = dataRoot.appendingPathComponent("austen").appendingPathComponent("\(id).txt.gz")
        try self.init(id: id, bytes: try DataFile.read(url), path: url.path)
    }

    init(id: String, bytes: [UInt8], path: String) throws {
        var chapters: [[[UInt8]]] = []
        var paragraph: [UInt8] = []
        func endParagraph() {
            if !paragraph.isEmpty { chapters[chapters.count - 1].append(paragraph) }
            paragraph.removeAll(keepingCapacity: true)
        }
        var start = 0
        lines: while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = AustenBook.trimmed(bytes[start..<end])
            start = end + 1
            if AustenBook.isHeading(line, word: "CHAPTER") || AustenBook.isHeading(line, word: "Chapter") {
                if !chapters.isEmpty { endParagraph() }
                chapters.append([])
                continue
            }
            if chapters.isEmpty || AustenBook.isHeading(line, word: "VOLUME") { continue }
            if AustenBook.endMarkers.contains(where: { $0.elementsEqual(line) }) { break lines }
            if line.isEmpty {
                endParagraph()
                continue
            }
            if !paragraph.isEmpty { paragraph.append(UInt8(ascii: " ")) }
            for b in line where b != UInt8(ascii: "_") {
                let isBlank = b == UInt8(ascii: " ") || b == UInt8(ascii: "\t")
                if isBlank && (paragraph.isEmpty || paragraph.last == UInt8(ascii: " ")) { continue }
                paragraph.append(isBlank ? UInt8(ascii: " ") : b)
            }
            while paragraph.last == UInt8(ascii: " ") { paragraph.removeLast() }
        }
        if !chapters.isEmpty { endParagraph() }
        chapters.removeAll { $0.isEmpty }
        guard !chapters.isEmpty else {
            throw DatasetError.emptyData(path: path, expected: "chapter headings such as 'CHAPTER I' or 'Chapter 1'")
        }
        self.id = id
        self.chapters = chapters
    }

    private static let endMarkers: [[UInt8]] = ["THE END", "FINIS", "Finis", "A NOTE ON THE TEXT"].map { Array($0.utf8) }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = line.startIndex, e = line.endIndex
        func blank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") }
        while s < e && blank(line[s]) { s += 1 }
        while e > s && blank(line[e - 1]) { e -= 1 }
        return line[s..<e]
    }

    /// True for `word` followed by one space and a Roman or Arabic numeral.
    private static func isHeading(_ line: ArraySlice<UInt8>, word: String) -> Bool {
        let w = Array(word.utf8)
        guard line.count > w.count + 1, line.prefix(w.count).elementsEqual(w),
              line[line.startIndex + w.count] == UInt8(ascii: " ") else { return false }
        return line.dropFirst(w.count + 1).allSatisfy { b in
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || "IVXLC".utf8.contains(b)
        }
    }

    /// A chapter's paragraphs joined by `separator`.
    func text(ofChapter index: Int, separator: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        for (i, p) in chapters[index].enumerated() {
            if i > 0 { out.append(separator) }
            out.append(contentsOf: p)
        }
        return out
    }
}
