import Foundation
import Testing
import TestSupport
@testable import Recording

@Suite struct AtomicWriteTests {
    private func failingRecord() -> RunRecord {
        // "w" is written as a dataset first; "w/x" then needs a group named "w",
        // which HDF5 refuses half way through the file.
        var record = sampleRecord()
        record.tensors["w"] = StoredTensor(shape: [2], elements: .float64([1, 2]))
        record.tensors["w/x"] = StoredTensor(shape: [1], elements: .float64([3]))
        return record
    }

    @Test func failureMidWriteKeepsPreviousFileAndLeavesNoTemporary() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        var old = RunRecord(attributes: ["status": .string("completed")])
        old.steps = [7]
        try RunFileWriter.write(old, to: url)
        let before = try Data(contentsOf: url)

        #expect {
            try RunFileWriter.write(failingRecord(), to: url)
        } throws: { error in
            guard case RecordingError.hdf5(let file, let object, _, let detail)? = error as? RecordingError else {
                return false
            }
            // The error names the final file, the object and HDF5's reason.
            return file == url.path && object == "/tensors/w" && detail.contains("not a group")
        }
        #expect(try folder.contents() == ["run.h5"])
        #expect(try Data(contentsOf: url) == before)
        #expect(try RunFileReader.read(url) == old)
    }

    @Test func failureWithoutPreviousFileLeavesNothing() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: RecordingError.self) { try RunFileWriter.write(failingRecord(), to: folder.fileURL("run.h5")) }
        #expect(try folder.contents().isEmpty)
    }

    @Test func failedRenameRemovesTemporary() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // A non-empty folder under the final name makes rename(2) fail after the file is complete.
        let url = folder.fileURL("run.h5")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: url.appendingPathComponent("inside"))
        #expect {
            try RunFileWriter.write(sampleRecord(), to: url)
        } throws: { error in
            guard case RecordingError.fileSystem(let path, _, let code)? = error as? RecordingError else { return false }
            return path == url.path && code != 0
        }
        #expect(try folder.contents() == ["run.h5"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["inside"])
    }

    @Test func missingFolderThrows() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("no/such/dir/run.h5")
        #expect(throws: RecordingError.self) { try RunFileWriter.write(sampleRecord(), to: url) }
        #expect(try folder.contents().isEmpty)
    }

    @Test func overwriteReplacesContent() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("run.h5")
        try RunFileWriter.write(sampleRecord(), to: url)
        let second = RunRecord(attributes: ["run_id": .string("second")], steps: [1], curves: ["x": [2]], wallTime: [3])
        try RunFileWriter.write(second, to: url)
        #expect(try RunFileReader.read(url) == second)
        #expect(try folder.contents() == ["run.h5"])
    }

    @Test func readingGarbageThrowsTypedError() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.fileURL("x.h5")
        try Data("this is not an HDF5 file".utf8).write(to: url)
        #expect {
            try RunFileReader.read(url)
        } throws: { error in
            guard case RecordingError.hdf5(let file, _, let operation, _)? = error as? RecordingError else { return false }
            return file == url.path && operation == "open file"
        }
    }
}
