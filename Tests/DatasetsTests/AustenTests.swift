import Foundation
import Testing
import Support
@testable import Datasets

/// The six novels parsed once for the tests that vary only the passage parameters.
let parsedNovels: [AustenBook] = AustenBook.ids.map { try! AustenBook(id: $0, dataRoot: TestFiles.dataRoot) }

func austenBooks(_ params: [String: ParamValue]) throws -> Dataset {
    let resolved = try ResolvedParams(AustenBooks.declaration, given: params)
    return try AustenBooks.dataset(books: parsedNovels, params: resolved, source: "austen")
}

@Suite struct AustenTests {
    @Test func novelsHaveTheirPublishedChapterCounts() throws {
        // Emma 3 volumes of 18 + 18 + 19; the others as published.
        let expected = ["emma": 55, "mansfield_park": 48, "northanger_abbey": 31, "persuasion": 24,
                        "pride_and_prejudice": 61, "sense_and_sensibility": 50]
        for book in parsedNovels {
            #expect(book.chapters.count == expected[book.id], "\(book.id)")
        }
        let pride = parsedNovels[AustenBook.ids.firstIndex(of: "pride_and_prejudice")!]
        let opening = String(decoding: pride.paragraph(0, ofChapter: 0), as: UTF8.self)
        #expect(opening == "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.")
    }

    @Test func wholeChaptersGoToOneSplitWithSomeInEach() {
        for (id, chapters) in [("persuasion", 24), ("pride_and_prejudice", 61)] {
            let splits = AustenBooks.chapterSplits(book: id, chapters: chapters)
            let held = Int((Double(chapters) / 10).rounded())
            #expect(splits.filter { $0 == 1 }.count == held && splits.filter { $0 == 2 }.count == held)
            #expect(splits.filter { $0 == 0 }.count == chapters - 2 * held)
            #expect(AustenBooks.chapterSplits(book: id, chapters: chapters) == splits)
        }
    }

    @Test func wordPassagesAreBalancedDisjointAndUseTrainVocabulary() throws {
        let d = try DatasetRegistry.load(id: "austen_books", params: ["max_vocab": .int(1_000_000)], seed: 0,
                                         dataRoot: TestFiles.dataRoot)
        #expect(d.task == .classification(classes: 6))
        #expect(d.train.count == 6 * 240 && d.validation.count == 6 * 30 && d.test.count == 6 * 30)
        for split in [d.train, d.validation, d.test] {
            var counts = [Int](repeating: 0, count: 6)
            for l in split.labels { counts[Int(l)] += 1 }
            #expect(Set(counts).count == 1)
            #expect(split.lengths == [Int32](repeating: 40, count: split.count))
        }
        let vocab = try #require(d.vocabulary)
        #expect(d.input == .tokens(maxLength: 40, vocabulary: vocab.count))
        // Every training word is in the uncapped vocabulary; held-out chapters bring unseen words.
        #expect(!d.train.inputs.contains(1) && !d.train.inputs.contains(0))
        #expect(d.validation.inputs.contains(1) && d.test.inputs.contains(1))
        func passages(_ s: Split) -> Set<[Float]> { Set((0..<s.count).map { Array(s.inputs[$0 * 40 ..< ($0 + 1) * 40]) }) }
        let train = passages(d.train), validation = passages(d.validation), test = passages(d.test)
        #expect(train.count == d.train.count)
        #expect(train.isDisjoint(with: validation) && train.isDisjoint(with: test) && validation.isDisjoint(with: test))
        #expect(d.classNames == AustenBook.ids)
        #expect(vocab.contains("elizabeth") && vocab.contains("emma") && !vocab.contains("Emma"))
        // A second build from separately parsed novels gives the same data.
        let again = try austenBooks(["max_vocab": .int(1_000_000)])
        #expect(again.train == d.train && again.validation == d.validation && again.test == d.test)
        #expect(again.vocabulary == d.vocabulary)
    }

    @Test func defaultVocabularyIsCapped() throws {
        let d = try austenBooks(["max_vocab": .int(50), "passages_per_book": .int(20)])
        #expect(d.vocabulary?.count == 50)
        #expect(d.input == .tokens(maxLength: 40, vocabulary: 50))
        #expect(d.train.inputs.allSatisfy { $0 >= 1 && $0 < 50 })
        #expect(d.train.count == 6 * 16 && d.validation.count == 6 * 2)
    }

    @Test func characterPassagesArePaddedWithLengths() throws {
        let d = try austenBooks(["level": .string("char"), "passages_per_book": .int(10), "passage_words": .int(12)])
        guard case .tokens(let maxLength, let vocabulary) = d.input else { Issue.record("not tokens"); return }
        let vocab = try #require(d.vocabulary)
        #expect(vocab.count == vocabulary && vocab[0] == "<pad>" && vocab[1] == "<unk>")
        #expect(d.train.count == 48 && d.validation.count == 6 && d.test.count == 6)
        let lengths = try #require(d.train.lengths)
        #expect(Int(lengths.max()!) <= maxLength)
        for i in 0..<d.train.count {
            let row = d.train.inputs[i * maxLength ..< (i + 1) * maxLength]
            let valid = Int(lengths[i])
            #expect(row.prefix(valid).allSatisfy { $0 != 0 })
            #expect(row.dropFirst(valid).allSatisfy { $0 == 0 })
            // Twelve words separated by at least eleven non-word characters.
            #expect(valid >= 12 + 11)
        }
    }

    @Test func charLMWindowsOnTheNovelsOpening() throws {
        let d = try DatasetRegistry.load(id: "austen_charlm", params: ["max_chars": .int(20_000)], seed: 0,
                                         dataRoot: TestFiles.dataRoot)
        // 20000 characters: validation = last 2000, train = 18000; windows of 64 with one extra for the labels.
        #expect(d.train.count == (18_000 - 1) / 64 && d.validation.count == (2_000 - 1) / 64 && d.test.count == 0)
        let vocab = try #require(d.vocabulary)
        #expect(d.task == .languageModel(vocabulary: vocab.count))
        let first = d.train.inputs[0..<64].map { vocab[Int($0)] }.joined()
        #expect(first.hasPrefix("It is a truth universally acknowledged"))
        for i in 0..<d.train.count {
            for t in 0..<63 { #expect(d.train.labels[i * 64 + t] == Int32(d.train.inputs[i * 64 + t + 1])) }
            if i + 1 < d.train.count { #expect(d.train.labels[i * 64 + 63] == Int32(d.train.inputs[(i + 1) * 64])) }
        }
        #expect(vocab.contains("\n"))
    }
}
