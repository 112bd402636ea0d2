import Testing
@testable import Datasets

@Suite struct VocabularyTests {
    @Test func mostFrequentFirstTiesByTokenAndUnknownForTheRest() {
        let v = Vocabulary(tokens: ["b", "a", "c", "a", "b", "d", "a"], maxSize: 5) { $0 }
        // Counts: a 3, b 2, c 1, d 1; room for 3 tokens after <pad> and <unk>; c wins the tie with d.
        #expect(v.strings == ["<pad>", "<unk>", "a", "b", "c"])
        #expect(v.id("a") == 2 && v.id("c") == 4 && v.id("d") == 1 && v.id("zebra") == 1)
        #expect(v.size == 5)
    }

    @Test func wordScannerKeepsInnerApostrophesAndLowercases() {
        let text = Array("\"Mr. Darcy's  house\" -- don't, 'twas 1811".utf8)
        let words = WordScanner.words(in: text).map { WordScanner.token(text, $0) }
        #expect(words == ["mr", "darcy's", "house", "don't", "twas", "1811"])
    }

    @Test func partitionKeepsOrder() {
        let s = Split(count: 5, inputs: [0, 1, 2, 3, 4], labels: [0, 1, 0, 1, 0])
        let p = s.partitioned(validation: 1, test: 2)
        #expect(p.train.inputs == [0, 1] && p.validation.inputs == [2] && p.test.inputs == [3, 4])
    }
}
