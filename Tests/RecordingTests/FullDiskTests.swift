import Foundation
import Testing
@testable import Recording

/// A run file written to a full disk: the error names the file and no
/// temporary is left. Disabled: HDF5 still crashes the process after the failed
/// close (see the integrity report); enable once the writer is fixed.
@Suite struct FullDiskTests {
    /// A 16 KiB tmpfs, or nil where mounting is not allowed (not root).
    static func tinyDisk() -> URL? {
        guard getuid() == 0 else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-full-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        guard let r = try? runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", dir.path]), r.status == 0
        else { return nil }
        return dir
    }

    @Test(.disabled("HDF5 crashes after a failed close on a full disk; not fixed yet"))
    func fullDiskIsAnErrorNamingTheFile() throws {
        guard let disk = FullDiskTests.tinyDisk() else { return }
        defer { _ = try? runProcess("/bin/umount", [disk.path]) }
        // Fill the disk but for a few bytes.
        let filler = disk.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: Data(count: 15 * 1024))
        let url = disk.appendingPathComponent("run.h5")
        #expect {
            try RunFileWriter.write(sampleRecord(), to: url)
        } throws: { error in
            "\(error)".contains(url.path) && "\(error)".contains("No space left on device")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["filler"])
    }
}
