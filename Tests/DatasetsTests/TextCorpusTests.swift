import Foundation
import Testing
@testable import Datasets

@Suite struct TextCorpusTests {
    @Test func windowsShiftLabelsByOneAndHoldOutTheTail() throws {
        let folder = try TestFiles.temporaryFolder()
        // 200 characters: "abcd" repeated, then the tail of the last 20 is "zzzz...".
        let text = String(repeating: "abcd", count: 45) + String(repeating: "z", count: 20)
        try TestFiles.write(text, "corpus.txt", in: folder)
        let d = try DatasetRegistry.load(id: "text", params: ["path": .string("corpus.txt"), "seq_len": .int(4)],
                                         seed: 0, dataRoot: folder)
        // Train = first 180 characters: (180 - 1) / 4 = 44 windows; validation = 20: (20 - 1) / 4 = 4.
        #expect(d.train.count == 44 && d.validation.count == 4 && d.test.count == 0)
        #expect(d.input == .tokens(maxLength: 4, vocabulary: 6))
        #expect(d.task == .languageModel(vocabulary: 6))
        let vocab = try #require(d.vocabulary)
        #expect(Array(vocab[0..<2]) == ["<pad>", "<unk>"])
        #expect(Set(vocab[2...]) == ["a", "b", "c", "d"])
        let decoded = d.train.inputs[0..<4].map { vocab[Int($0)] }.joined()
        #expect(decoded == "abcd")
        let next = d.train.labels[0..<4].map { vocab[Int($0)] }.joined()
        #expect(next == "bcda")
        // "z" never occurs in the training text, so the vocabulary maps it to <unk>.
        #expect(d.validation.inputs.allSatisfy { $0 == 1 })
        #expect(d.train.lengths == [Int32](repeating: 4, count: 44))
    }

    @Test func emptyCorpusIsAnError() throws {
        let folder = try TestFiles.temporaryFolder()
        let url = try TestFiles.write("", "empty.txt", in: folder)
        #expect(throws: DatasetError.emptyData(path: url.path, expected: "a non-empty text corpus")) {
            _ = try DatasetRegistry.load(id: "text", params: ["path": .string(url.path)], seed: 0, dataRoot: folder)
        }
    }

    @Test func tooShortCorpusIsAnError() throws {
        let folder = try TestFiles.temporaryFolder()
        let url = try TestFiles.write(String(repeating: "x", count: 300), "short.txt", in: folder)
        do {
            _ = try DatasetRegistry.load(id: "text", params: ["path": .string(url.path)], seed: 0, dataRoot: folder)
            Issue.record("a 300-character corpus gave 64-character validation windows")
        } catch let DatasetError.emptyData(path, expected) {
            #expect(path == url.path && expected.contains("650"))
        }
    }

    @Test func invalidUTF8ReportsTheByteOffset() throws {
        let folder = try TestFiles.temporaryFolder()
        let url = try TestFiles.write(Array("héllo".utf8) + [0xFF] + Array(String(repeating: "a", count: 1000).utf8),
                                      "bad.txt", in: folder)
        #expect(throws: DatasetError.invalidText(path: url.path, offset: 6, expected: "UTF-8 text")) {
            _ = try DatasetRegistry.load(id: "text", params: ["path": .string(url.path)], seed: 0, dataRoot: folder)
        }
    }
}
