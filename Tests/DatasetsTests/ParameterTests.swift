import Foundation
import Testing
@testable import Datasets

@Suite struct ParameterTests {
    @Test func registryListsEveryDocumentedId() {
        let documented = ["digits", "digits_seq", "austen_books", "austen_charlm", "blobs", "spirals", "adding", "copy",
                          "parity", "dyck", "negation_sentiment", "idx", "csv", "text"]
        #expect(Set(DatasetRegistry.ids) == Set(documented))
        #expect(DatasetRegistry.ids.count == documented.count)
    }

    @Test func defaultsAreExposedAndFilledIn() throws {
        #expect(try DatasetRegistry.defaults(id: "austen_books") == [
            "passage_words": .int(40), "level": .string("word"), "max_vocab": .int(5000), "passages_per_book": .int(300),
        ])
        #expect(try DatasetRegistry.defaults(id: "digits").isEmpty)
        #expect(try DatasetRegistry.defaults(id: "csv")["path"] == nil)
        let resolved = try DatasetRegistry.resolve(id: "blobs", params: ["n": .double(300)])
        #expect(resolved == ["n": .int(300), "classes": .int(3), "dim": .int(2), "spread": .double(1)])
        #expect(try DatasetRegistry.resolve(id: "spirals", params: ["noise": .int(0)])["noise"] == .double(0))
    }

    @Test func unknownIdsAndNamesAreRejected() {
        #expect(throws: DatasetError.unknownDataset(id: "digit", suggestion: "digits")) {
            _ = try DatasetRegistry.resolve(id: "digit", params: [:])
        }
        #expect(throws: DatasetError.unknownDataset(id: "imagenet", suggestion: nil)) {
            _ = try DatasetRegistry.resolve(id: "imagenet", params: [:])
        }
        #expect(throws: DatasetError.unknownParameter(dataset: "parity", name: "bits", known: ["length", "n"])) {
            _ = try DatasetRegistry.resolve(id: "parity", params: ["bits": .int(3)])
        }
    }

    @Test func wrongTypesAndRangesNameTheParameter() {
        #expect(throws: DatasetError.invalidParameter(dataset: "blobs", name: "spread", value: "-1.0",
                                                      expected: "a number in (0.0, 1000.0]")) {
            _ = try DatasetRegistry.resolve(id: "blobs", params: ["spread": .double(-1)])
        }
        #expect(throws: DatasetError.invalidParameter(dataset: "blobs", name: "n", value: "2.5",
                                                      expected: "an integer in 30...1000000")) {
            _ = try DatasetRegistry.resolve(id: "blobs", params: ["n": .double(2.5)])
        }
        #expect(throws: DatasetError.invalidParameter(dataset: "digits_seq", name: "mode", value: "columns",
                                                      expected: "one of rows, pixels")) {
            _ = try DatasetRegistry.resolve(id: "digits_seq", params: ["mode": .string("columns")])
        }
        #expect(throws: DatasetError.invalidParameter(dataset: "csv", name: "header", value: "1",
                                                      expected: "true or false")) {
            _ = try DatasetRegistry.resolve(id: "csv", params: ["path": .string("a.csv"), "header": .int(1)])
        }
        #expect(throws: DatasetError.missingParameter(dataset: "text", name: "path")) {
            _ = try DatasetRegistry.resolve(id: "text", params: [:])
        }
    }

    @Test func errorsDescribeThemselves() {
        let e = DatasetError.malformedCSV(path: "/d/x.csv", line: 3, field: 2, expected: "a number", found: "'abc'")
        #expect(e.description == "/d/x.csv:3: field 2: expected a number, found 'abc'")
        #expect(e.path == "/d/x.csv")
        #expect(DatasetError.unknownDataset(id: "digit", suggestion: "digits").description
                == "unknown dataset 'digit' (did you mean 'digits'?)")
    }
}
