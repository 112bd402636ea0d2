import Foundation
import Testing
import TestSupport
@testable import Cluster

@Suite struct ScriptFileTests {
    @Test func writesAnExecutableFileAndNothingElse() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let path = tmp.file("deep/er/job.sbatch")
        try ScriptFile.write("#!/bin/bash\necho 1\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "#!/bin/bash\necho 1\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        try ScriptFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file("deep/er")) == ["job.sbatch"])
    }

    /// rename(2) cannot replace a non-empty folder: the write fails, the folder
    /// keeps its content and the temporary file is gone.
    @Test func failedRenameLeavesNoTrace() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        try FileManager.default.createDirectory(atPath: tmp.file("job.sbatch/inner"), withIntermediateDirectories: true)
        let e = thrownError { try ScriptFile.write("x", to: tmp.file("job.sbatch")) }
        guard case .io(let path, _)? = e else { Issue.record("expected an io error, got \(String(describing: e))"); return }
        #expect(path == tmp.file("job.sbatch"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["job.sbatch"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file("job.sbatch")) == ["inner"])
    }

    @Test func unwritableParentIsReported() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        _ = FileManager.default.createFile(atPath: tmp.file("plain"), contents: Data())
        let e = thrownError { try ScriptFile.write("x", to: tmp.file("plain/job.sbatch")) }
        guard case .io? = e else { Issue.record("expected an io error, got \(String(describing: e))"); return }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["plain"])
    }
}
