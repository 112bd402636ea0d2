import Foundation
import Testing
import Support
@testable import Datasets

@Suite struct CSVTests {
    func load(_ text: String, params: [String: ParamValue] = [:], gzip: Bool = false) throws -> (Dataset, String) {
        let folder = try TestFiles.temporaryFolder()
        let bytes = gzip ? try TestFiles.gzip(Array(text.utf8)) : Array(text.utf8)
        let url = try TestFiles.write(bytes, "data.csv", in: folder)
        var p = params
        p["path"] = .string(url.path)
        return (try DatasetRegistry.load(id: "csv", params: p, seed: 0, dataRoot: folder), url.path)
    }

    func error(_ text: String, params: [String: ParamValue] = [:]) throws -> (DatasetError?, String) {
        let folder = try TestFiles.temporaryFolder()
        let url = try TestFiles.write(text, "data.csv", in: folder)
        var p = params
        p["path"] = .string(url.path)
        do {
            _ = try DatasetRegistry.load(id: "csv", params: p, seed: 0, dataRoot: folder)
            return (nil, url.path)
        } catch let e as DatasetError {
            return (e, url.path)
        }
    }

    /// Twenty rows "i, -i/2, label" with labels i mod 4.
    var twentyRows: String { (0..<20).map { "\($0), \(-Double($0) / 2),\($0 % 4)\n" }.joined() }

    @Test(arguments: [false, true])
    func readsFeaturesAndLabelsInFileOrder(gzip: Bool) throws {
        let (d, _) = try load(twentyRows, gzip: gzip)
        #expect(d.input == .dense(features: 2) && d.task == .classification(classes: 4))
        #expect(d.train.count == 16 && d.validation.count == 2 && d.test.count == 2)
        #expect(Array(d.train.inputs[0..<4]) == [0, 0, 1, -0.5])
        #expect(d.validation.inputs == [16, -8, 17, -8.5] && d.validation.labels == [0, 1])
        #expect(d.test.labels == [2, 3])
    }

    @Test func headerAndCRLFAndBlankLines() throws {
        let (d, _) = try load("x,y,label\r\n1.5e1,2,1\r\n\r\n3,4,0\r\n", params: ["header": .bool(true),
                              "validation_fraction": .double(0), "test_fraction": .double(0)])
        #expect(d.train.count == 2 && d.train.inputs == [15, 2, 3, 4] && d.train.labels == [1, 0])
    }

    @Test func wrongFieldCountNamesLineAndField() throws {
        let (e, path) = try error("1,2,0\n3,4,1\n5,1\n")
        #expect(e == .malformedCSV(path: path, line: 3, field: 3, expected: "3 fields (as in the first row)", found: "2 fields"))
        let (header, _) = try error("a,b,c\n1,2,0\n3,4,5,1\n", params: ["header": .bool(true)])
        guard case .malformedCSV(_, 3, 4, _, "4 fields")? = header else { Issue.record("extra field not reported: \(String(describing: header))"); return }
    }

    @Test func nonNumericValueNamesLineAndField() throws {
        let (e, path) = try error("1,2,0\n3,abc,1\n")
        #expect(e == .malformedCSV(path: path, line: 2, field: 2, expected: "a number", found: "'abc'"))
        let (header, _) = try error("x,y,label\n1,2,0\n")
        guard case .malformedCSV(_, 1, 1, "a number", "'x'")? = header else { Issue.record("header not reported"); return }
    }

    @Test func labelMustBeANonNegativeInteger() throws {
        let (e, path) = try error("1,2,0\n3,4,1.5\n")
        #expect(e == .malformedCSV(path: path, line: 2, field: 3, expected: ClassLabel.expectation, found: "1.5"))
    }

    @Test func emptyFileIsAnError() throws {
        let (e, path) = try error("\n\n")
        #expect(e == .emptyData(path: path, expected: "at least one row of features and a label"))
    }
}
