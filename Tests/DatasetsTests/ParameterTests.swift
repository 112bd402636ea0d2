import Foundation
import Testing
import Support
@testable import Datasets

@Suite struct ParameterTests {
    @Test func registryListsEveryDocumentedId() {
        let documented = ["digits", "digits_seq", "austen_books", "austen_charlm", "blobs", "spirals", "adding", "copy",
                          "parity", "dyck", "negation_sentiment", "idx", "csv", "text"]
        #expect(Set(DatasetRegistry.ids) == Set(documented))
        #expect(DatasetRegistry.ids.count == documented.count)
    }

    @Test func defaultsAreExposedAndFilledIn() throws {
        #expect(try DatasetRegistry.builder("austen_books").declaration.defaults == [
            "passage_words": .int(40), "level": .string("word"), "max_vocab": .int(5000), "passages_per_book": .int(300),
        ])
        #expect(try DatasetRegistry.builder("digits").declaration.defaults.isEmpty)
        #expect(try DatasetRegistry.builder("csv").declaration.defaults["path"] == nil)
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
        #expect(throws: DatasetError.parameter(ParamError(component: "parity", key: "bits",
                                                          "unknown parameter 'bits' of parity (parameters: n, length)"))) {
            _ = try DatasetRegistry.resolve(id: "parity", params: ["bits": .int(3)])
        }
    }

    @Test func wrongTypesAndRangesNameTheParameter() {
        let cases: [(String, [String: ParamValue], String?, String)] = [
            ("blobs", ["spread": .double(-1)], "spread", "must be in (0, 1000], got -1.0"),
            ("blobs", ["n": .double(2.5)], "n", "expected an integer, got 2.5"),
            ("digits_seq", ["mode": .string("columns")], "mode", "expected one of rows, pixels, got columns"),
            ("csv", ["path": .string("a.csv"), "header": .int(1)], "header", "expected true or false, got 1"),
            ("text", [:], nil, "missing required parameter 'path'"),
        ]
        for (id, params, key, message) in cases {
            #expect(throws: DatasetError.parameter(ParamError(component: id, key: key, message))) {
                _ = try DatasetRegistry.resolve(id: id, params: params)
            }
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
