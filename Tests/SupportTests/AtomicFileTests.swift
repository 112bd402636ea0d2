import Foundation
import Testing
import Support
import TestSupport

@Suite struct AtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let target = folder.fileURL("index.json")
        try AtomicFile.write("first\n", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "first\n")
        try AtomicFile.write("second\n", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second\n")
        #expect(try folder.contents() == ["index.json"])
    }

    @Test func permissionsAreExactWhenGiven() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try AtomicFile.write("#!/bin/sh\n", to: folder.fileURL("job.sh"), permissions: 0o755)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("job.sh"))[.posixPermissions] as? Int
        #expect(mode == 0o755)
    }

    /// rename(2) cannot replace a non-empty folder: the write fails with the
    /// final path, the folder keeps its content and no temporary file remains.
    @Test func failureKeepsTheTargetAndRemovesTheTemporaryFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("run.h5/inner"), withIntermediateDirectories: true)
        #expect {
            try AtomicFile.write("x", to: folder.fileURL("run.h5"))
        } throws: { error in
            (error as? FileWriteError)?.path == folder.file("run.h5")
        }
        #expect(try folder.contents() == ["run.h5"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("run.h5")) == ["inner"])
    }

    @Test func failingBodyLeavesTheOldFile() throws {
        struct Stop: Error {}
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let target = folder.fileURL("baseline.json")
        try AtomicFile.write("old", to: target)
        #expect(throws: Stop.self) {
            try AtomicFile.produce(at: target) { temporary in
                try Data("new".utf8).write(to: temporary)
                throw Stop()
            }
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(try folder.contents() == ["baseline.json"])
    }

    @Test func temporaryNamesAreHiddenUniqueAndRecognised() {
        let target = URL(fileURLWithPath: "/results/grid/runs/abc.h5")
        let a = AtomicFile.temporaryURL(for: target), b = AtomicFile.temporaryURL(for: target)
        #expect(a != b)
        #expect(a.deletingLastPathComponent() == target.deletingLastPathComponent())
        #expect(a.lastPathComponent.hasPrefix(".abc.h5.tmp-\(getpid())-"))
        #expect(AtomicFile.isTemporaryName(a.lastPathComponent))
        #expect(!AtomicFile.isTemporaryName("abc.h5"))
        #expect(!AtomicFile.isTemporaryName(".lock"))
    }

    @Test func concurrentWritersNeverCollide() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let target = folder.fileURL("shared.txt")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<16 {
                group.addTask { try AtomicFile.write(String(repeating: "\(i % 10)", count: 4096), to: target) }
            }
            try await group.waitForAll()
        }
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.count == 4096 && Set(text).count == 1)
        #expect(try folder.contents() == ["shared.txt"])
    }
}
