import Support
import Foundation

/// `austen_charlm`: next-character prediction on one of Jane Austen's novels.
///
/// Parameters (defaults): `book` (`pride_and_prejudice`; any of
/// `AustenBook.ids`), `seq_len` (64) characters per sequence, `max_chars`
/// (200000): only the first `max_chars` characters of the novel are used. The
/// text is the novel's paragraphs (see `AustenBook`) separated by newlines.
/// Validation is the last 10% of that text, train the rest; the vocabulary
/// (at most 1000 ids) comes from the training text. No test split. Layout as
/// in `CharLanguageModel`.
enum AustenCharLM: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "austen_charlm", "next-character prediction on one Jane Austen novel",
        params: [
            .choice("book", "pride_and_prejudice", AustenBook.ids, "the novel"),
            .int("seq_len", 64, .closed(1, 4096), "characters per training sequence"),
            .int("max_chars", 200_000, .closed(1000, 100_000_000), "read at most this many characters"),
        ])
    static let maxVocabulary = 1000

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let book = try AustenBook(id: params.string("book"), dataRoot: dataRoot)
        var bytes: [UInt8] = []
        for c in 0..<book.chapters.count {
            if c > 0 { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(contentsOf: book.text(ofChapter: c, separator: UInt8(ascii: "\n")))
        }
        let path = dataRoot.appendingPathComponent("austen/\(book.id).txt.gz").path
        let text = try TextDecoding.scalars(bytes, path: path).prefix(params.int("max_chars"))
        return try CharLanguageModel.dataset(name: id, params: params.values, text: Array(text),
                                             seqLen: params.int("seq_len"), maxVocab: maxVocabulary, source: path)
    }
}
