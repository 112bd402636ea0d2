import Foundation
import Support

/// `austen_books`: which of Jane Austen's six novels a passage comes from (6 classes).
///
/// Parameters (defaults): `passage_words` (40) words per passage, `level`
/// (`word`: lowercased word tokens; `char`: the characters of the passage's
/// text from its first to its last word), `max_vocab` (5000, ids included),
/// `passages_per_book` (300).
///
/// Split rule: within each novel the chapters are ordered by the SHA-256 of
/// `austen/<book>/<chapter index>`; the first `max(1, round(chapters/10))` go to
/// validation, as many again to test, the rest to train. Neighbouring passages
/// of a chapter therefore never straddle splits, and the split does not depend
/// on the seed. Passages are consecutive, non-overlapping runs of
/// `passage_words` words within a chapter (a short remainder is dropped). Of
/// `passages_per_book` = P, validation and test each take `max(1, P/10)` per
/// novel and train the rest; when a novel has fewer passages in a split, every
/// novel gives that smaller number, so classes stay balanced. The chosen
/// passages are evenly spaced over the available ones in book order. Examples
/// are stored novel by novel. The vocabulary is built from the training
/// passages only. Class labels follow `AustenBook.ids` (alphabetical).
enum AustenBooks: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "austen_books", "which Jane Austen novel a passage comes from (6 classes)",
        params: [
            .int("passage_words", 40, .closed(1, 1000), "words per passage"),
            .choice("level", "word", ["word", "char"], "token level"),
            .int("max_vocab", 5000, .closed(3, 1_000_000), "vocabulary size, most frequent tokens first"),
            .int("passages_per_book", 300, .closed(10, 1_000_000), "passages taken from each novel"),
        ])

    /// One passage: its chapter text and the byte range from its first word's start to its last word's end.
    private struct Passage {
        let text: [UInt8]
        let words: ArraySlice<Range<Int>>
        var span: Range<Int> { words.first!.lowerBound ..< words.last!.upperBound }
    }

    /// 0 = train, 1 = validation, 2 = test for each chapter of `book`.
    static func chapterSplits(book: String, chapters: Int) -> [Int] {
        let held = max(1, Int((Double(chapters) / 10).rounded()))
        let hashes = (0..<chapters).map { SHA256.hex("austen/\(book)/\($0)") }
        let order = (0..<chapters).sorted { a, b in hashes[a] != hashes[b] ? hashes[a] < hashes[b] : a < b }
        var split = [Int](repeating: 0, count: chapters)
        for (rank, chapter) in order.enumerated() where rank < 2 * held {
            split[chapter] = rank < held ? 1 : 2
        }
        return split
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let books = try AustenBook.ids.map { try AustenBook(id: $0, dataRoot: dataRoot) }
        return try dataset(books: books, params: params, source: dataRoot.appendingPathComponent("austen").path)
    }

    /// The data set from the six parsed novels, in `AustenBook.ids` order.
    static func dataset(books: [AustenBook], params: ResolvedParams, source: String) throws -> Dataset {
        precondition(books.map(\.id) == AustenBook.ids, "the six novels in label order")
        let wordsPerPassage = params.int("passage_words")
        let perBook = params.int("passages_per_book")
        let held = max(1, perBook / 10)
        let caps = [perBook - 2 * held, held, held]

        // available[split][book]: passages in book order.
        var available = [[[Passage]]](repeating: [], count: 3)
        for s in 0..<3 { available[s] = [[Passage]](repeating: [], count: AustenBook.ids.count) }
        for (b, book) in books.enumerated() {
            let splits = chapterSplits(book: book.id, chapters: book.chapters.count)
            for c in 0..<book.chapters.count {
                let text = book.text(ofChapter: c, separator: UInt8(ascii: " "))
                let words = WordScanner.words(in: text)
                for p in 0..<(words.count / wordsPerPassage) {
                    available[splits[c]][b].append(
                        Passage(text: text, words: words[p * wordsPerPassage ..< (p + 1) * wordsPerPassage]))
                }
            }
        }
        var chosen = [[(passage: Passage, label: Int32)]](repeating: [], count: 3)
        for s in 0..<3 {
            let take = min(caps[s], available[s].map(\.count).min()!)
            guard take > 0 else {
                throw params.invalid("passage_words", expected: "a passage length that leaves passages in every split")
            }
            for (b, list) in available[s].enumerated() {
                for i in 0..<take { chosen[s].append((list[i * list.count / take], Int32(b))) }
            }
        }

        let splits: [Split]
        let input: InputKind
        let vocabularyStrings: [String]
        if params.string("level") == "word" {
            func tokens(_ p: Passage) -> [String] { p.words.map { WordScanner.token(p.text, $0) } }
            let vocabulary = Vocabulary(tokens: chosen[0].flatMap { tokens($0.passage) },
                                        maxSize: params.int("max_vocab")) { $0 }
            splits = chosen.map { list in
                TokenPadding.split(list.map { tokens($0.passage).map(vocabulary.id) }, maxLength: wordsPerPassage,
                                   labels: list.map(\.label))
            }
            input = .tokens(maxLength: wordsPerPassage, vocabulary: vocabulary.size)
            vocabularyStrings = vocabulary.strings
        } else {
            let scalars = try chosen.map { list in
                try list.map { try TextDecoding.scalars(Array($0.passage.text[$0.passage.span]), path: source) }
            }
            let vocabulary = Vocabulary(tokens: scalars[0].joined(), maxSize: params.int("max_vocab")) { String($0) }
            let maxLength = scalars.joined().map(\.count).max()!
            splits = (0..<3).map { s in
                TokenPadding.split(scalars[s].map { $0.map(vocabulary.id) }, maxLength: maxLength,
                                   labels: chosen[s].map(\.label))
            }
            input = .tokens(maxLength: maxLength, vocabulary: vocabulary.size)
            vocabularyStrings = vocabulary.strings
        }
        return Dataset(name: id, params: params.values, task: .classification(classes: AustenBook.ids.count),
                       input: input, train: splits[0], validation: splits[1], test: splits[2],
                       vocabulary: vocabularyStrings, classNames: AustenBook.ids)
    }
}
