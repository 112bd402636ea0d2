import Foundation
import Testing
import Support
@testable import Datasets

@Suite struct IDXTests {
    /// Ten 2x2 ubyte images whose pixels are 10*i + k and labels i mod 3.
    func writeTrainingFiles(in folder: URL, gzip: Bool) throws -> [String: ParamValue] {
        let pixels = (0..<10).flatMap { i in (0..<4).map { UInt8(10 * i + $0) } }
        var images = TestFiles.idx(type: 0x08, dimensions: [10, 2, 2], payload: pixels)
        var labels = TestFiles.idx(type: 0x08, dimensions: [10], payload: (0..<10).map { UInt8($0 % 3) })
        if gzip {
            images = try TestFiles.gzip(images)
            labels = try TestFiles.gzip(labels)
        }
        try TestFiles.write(images, "images.idx", in: folder)
        try TestFiles.write(labels, "labels.idx", in: folder)
        return ["images": .string(folder.appendingPathComponent("images.idx").path),
                "labels": .string(folder.appendingPathComponent("labels.idx").path)]
    }

    @Test(arguments: [false, true])
    func readsImagesAndLabels(gzip: Bool) throws {
        let folder = try TestFiles.temporaryFolder()
        let params = try writeTrainingFiles(in: folder, gzip: gzip)
        let d = try DatasetRegistry.load(id: "idx", params: params, seed: 0, dataRoot: folder)
        #expect(d.input == .dense(features: 4))
        #expect(d.task == .classification(classes: 3))
        // Validation is the last 10% of the training file: image 9.
        #expect(d.train.count == 9 && d.validation.count == 1 && d.test.count == 0)
        #expect(d.validation.inputs == [90, 91, 92, 93].map { Float($0) / 255 })
        #expect(d.validation.labels == [0])
        #expect(Array(d.train.inputs[4..<8]) == [10, 11, 12, 13].map { Float($0) / 255 })
        #expect(d.train.labels == [0, 1, 2, 0, 1, 2, 0, 1, 2])
    }

    @Test func readsTestFilesAndRelativePaths() throws {
        let folder = try TestFiles.temporaryFolder()
        _ = try writeTrainingFiles(in: folder, gzip: false)
        try TestFiles.write(TestFiles.idx(type: 0x08, dimensions: [2, 2, 2], payload: [255, 0, 0, 0, 0, 0, 0, 51]),
                            "t-images.idx", in: folder)
        try TestFiles.write(TestFiles.idx(type: 0x08, dimensions: [2], payload: [4, 1]), "t-labels.idx", in: folder)
        let d = try DatasetRegistry.load(id: "idx", params: [
            "images": .string("images.idx"), "labels": .string("labels.idx"),
            "test_images": .string("t-images.idx"), "test_labels": .string("t-labels.idx"),
        ], seed: 0, dataRoot: folder)
        #expect(d.test.count == 2)
        #expect(d.test.inputs == [1, 0, 0, 0, 0, 0, 0, 0.2])
        #expect(d.task == .classification(classes: 5))
    }

    func loadError(_ images: [UInt8], labels: [UInt8]? = nil) throws -> (DatasetError?, String) {
        let folder = try TestFiles.temporaryFolder()
        let imagesURL = try TestFiles.write(images, "images.idx", in: folder)
        try TestFiles.write(labels ?? TestFiles.idx(type: 0x08, dimensions: [2], payload: [0, 1]), "labels.idx", in: folder)
        do {
            _ = try DatasetRegistry.load(id: "idx", params: ["images": .string("images.idx"), "labels": .string("labels.idx")],
                                         seed: 0, dataRoot: folder)
            return (nil, imagesURL.path)
        } catch let e as DatasetError {
            return (e, imagesURL.path)
        }
    }

    @Test func truncatedFileReportsOffsetAndExpectedSize() throws {
        // Header promises 2x2x2 = 8 bytes, only 5 follow (16-byte header).
        let (error, path) = try loadError(TestFiles.idx(type: 0x08, dimensions: [2, 2, 2], payload: [1, 2, 3, 4, 5]))
        guard case .malformedIDX(let p, let offset, let expected)? = error else {
            Issue.record("expected malformedIDX, got \(String(describing: error))"); return
        }
        #expect(p == path && offset == 21)
        #expect(expected.contains("8 data bytes"))
    }

    @Test func oversizedFileReportsWhereTheExtraBytesStart() throws {
        let (error, path) = try loadError(TestFiles.idx(type: 0x08, dimensions: [2, 2, 2], payload: [UInt8](repeating: 7, count: 10)))
        #expect(error == .malformedIDX(path: path, offset: 24,
                                       expected: "end of file after 8 data bytes for shape 2x2x2, found 2 more"))
    }

    @Test func badHeadersAreRejected() throws {
        let (magic, path) = try loadError([1, 0, 8, 1, 0, 0, 0, 0])
        #expect(magic == .malformedIDX(path: path, offset: 0, expected: "magic number starting with two zero bytes"))
        let (type, _) = try loadError([0, 0, 0x07, 1, 0, 0, 0, 0])
        guard case .malformedIDX(_, 2, _)? = type else { Issue.record("bad type byte not reported at offset 2"); return }
        let (short, _) = try loadError([0, 0])
        guard case .malformedIDX(_, 2, _)? = short else { Issue.record("2-byte file not reported"); return }
        let (header, _) = try loadError([0, 0, 8, 3, 0, 0, 0, 2])
        guard case .malformedIDX(_, 8, _)? = header else { Issue.record("truncated header not reported at its end"); return }
    }

    @Test func labelCountMustMatchImages() throws {
        let images = TestFiles.idx(type: 0x08, dimensions: [2, 1, 1], payload: [0, 0])
        let (error, _) = try loadError(images, labels: TestFiles.idx(type: 0x08, dimensions: [3], payload: [0, 1, 2]))
        guard case .mismatchedFiles(let p, _, let expected)? = error else { Issue.record("no mismatch error"); return }
        #expect(p.hasSuffix("labels.idx") && expected.contains("2 images") && expected.contains("3 labels"))
    }

    @Test func missingAndCorruptGzipFiles() throws {
        let folder = try TestFiles.temporaryFolder()
        let missing = folder.appendingPathComponent("nope.idx").path
        #expect(throws: DatasetError.fileNotFound(path: missing)) {
            _ = try DatasetRegistry.load(id: "idx", params: ["images": .string(missing), "labels": .string(missing)],
                                         seed: 0, dataRoot: folder)
        }
        let gz = try TestFiles.gzip(TestFiles.idx(type: 0x08, dimensions: [100], payload: [UInt8](repeating: 3, count: 100)))
        let cut = try TestFiles.write(Array(gz.prefix(gz.count - 12)), "cut.idx.gz", in: folder)
        do {
            _ = try DatasetRegistry.load(id: "idx", params: ["images": .string(cut.path), "labels": .string(cut.path)],
                                         seed: 0, dataRoot: folder)
            Issue.record("truncated gzip accepted")
        } catch let DatasetError.unreadableFile(path, reason) {
            #expect(path == cut.path && reason.contains("gzip"))
        }
    }
}
