import Foundation
import Testing
import TestSupport
@testable import Recording

/// `VerifiedRunFile` accepts a run file only while its content gives its stored
/// digest: each kind of tampering below must be caught.
@Suite struct VerifiedRunFileTests {
    /// Writes `record` (with the digest of its content) and then `tampered`
    /// (keeping that digest) to a fresh folder; returns the file.
    private func tamperedFile(_ folder: TemporaryFolder, _ change: (inout RunRecord) -> Void) throws -> URL {
        var record = sampleRecord()
        record.attributes["digest"] = .string(RunDigest.compute(record))
        change(&record)
        let url = folder.fileURL("run.h5")
        try RunFileWriter.write(record, to: url)
        return url
    }

    private func damage(_ url: URL) -> RunFileDamage? {
        do { _ = try VerifiedRunFile.read(url); return nil } catch { return error }
    }

    @Test func intactFileReadsBack() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try tamperedFile(folder) { _ in }
        #expect(try VerifiedRunFile.read(url).steps == sampleRecord().steps)
    }

    @Test func changedCurveValueIsDamage() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try tamperedFile(folder) { $0.curves["train_loss"]![2] = 0.5000000000000001 }
        guard case .digestMismatch? = damage(url) else { Issue.record("not caught: \(String(describing: damage(url)))"); return }
    }

    @Test func flippedTensorBitIsDamage() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try tamperedFile(folder) { r in
            r.tensors["final/fc1.bias"] = StoredTensor(shape: [3], elements: .float64([0.1, 0.2, 0.3.nextUp]))
        }
        guard case .digestMismatch? = damage(url) else { Issue.record("not caught"); return }
    }

    @Test func deletedCurvesGroupIsDamage() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try tamperedFile(folder) { r in r.steps = []; r.curves = [:]; r.wallTime = [] }
        guard case .digestMismatch? = damage(url) else { Issue.record("not caught"); return }
    }

    @Test func reshapedTensorIsDamage() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try tamperedFile(folder) { r in
            r.tensors["final/fc1.weight"] = StoredTensor(shape: [3, 2], elements: r.tensors["final/fc1.weight"]!.elements)
        }
        guard case .digestMismatch? = damage(url) else { Issue.record("not caught"); return }
    }

    @Test func missingDigestIsDamage() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try tamperedFile(folder) { $0.attributes["digest"] = nil }
        #expect(damage(url) == .noDigest(path: url.path))
    }

    @Test func truncatedFileIsDamage() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = try tamperedFile(folder) { _ in }
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        guard case .unreadable? = damage(url) else { Issue.record("not caught"); return }
    }

    @Test(.timeLimit(.minutes(1))) func fifoIsRefusedWithoutOpening() throws {
        let folder = TemporaryFolder(); defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        #expect(mkfifo(url.path, 0o644) == 0)
        // Opening the FIFO for reading would block this test forever.
        #expect(damage(url) == .notRegular(path: url.path, kind: "a FIFO"))
        #expect(try ResultsIndexScanProbe.scan(folder: folder, fifo: url))
    }
}

/// A FIFO among the run files of a results folder: the index scan skips it with a warning.
enum ResultsIndexScanProbe {
    static func scan(folder: TemporaryFolder, fifo: URL) throws -> Bool {
        let runs = folder.fileURL("runs")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: fifo, to: runs.appendingPathComponent("abc.h5"))
        let index = try ResultsIndex.scan(resultsDir: folder.url)
        return index.rows.isEmpty && index.warnings.map(\.file) == ["runs/abc.h5"]
    }
}
