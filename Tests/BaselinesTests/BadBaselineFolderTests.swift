import Foundation
import Testing
@testable import Baselines

@Suite struct BadBaselineFolderTests {
    /// A folder holding a valid baseline of one run, and the path of its baseline.json.
    static func storedFolder() throws -> (URL, String) {
        let folder = Fixtures.temporaryFolder()
        try Fixtures.baseline([Fixtures.run(id: "a")]).write(to: folder)
        return (folder, folder.appendingPathComponent("baseline.json").path)
    }

    static func replace(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func missingFolder() {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("nothing-here")
        #expect(throws: BaselineError.missingFolder(path: folder.path)) { try Baseline.read(from: folder) }
    }

    @Test func fileInsteadOfFolder() throws {
        let (folder, dataPath) = try Self.storedFolder()
        _ = folder
        let url = URL(fileURLWithPath: dataPath)
        #expect(throws: BaselineError.notAFolder(path: url.path)) { try Baseline.read(from: url) }
    }

    @Test func emptyFolder() {
        let folder = Fixtures.temporaryFolder()
        let error = #expect(throws: BaselineError.self) { try Baseline.read(from: folder) }
        #expect(error == .missingFile(path: folder.appendingPathComponent("baseline.json").path))
        #expect(error?.exitCode == 2)
        #expect(error?.description.contains(folder.path) == true)
    }

    @Test func truncatedJSON() throws {
        let (folder, dataPath) = try Self.storedFolder()
        let text = try String(contentsOfFile: dataPath, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: dataPath, atomically: true, encoding: .utf8)
        let error = #expect(throws: BaselineError.self) { try Baseline.read(from: folder) }
        guard case .corrupt(let path, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == dataPath)
        #expect(reason.contains("invalid JSON at line"))
    }

    @Test func otherSchemaVersion() throws {
        let (folder, dataPath) = try Self.storedFolder()
        try Self.replace(dataPath, "\"schema_version\": 1", "\"schema_version\": 2")
        #expect(throws: BaselineError.unsupportedSchema(path: dataPath, found: "2", supported: 1)) {
            try Baseline.read(from: folder)
        }
    }

    @Test func missingSchemaVersion() throws {
        let (folder, dataPath) = try Self.storedFolder()
        try Self.replace(dataPath, "\"schema_version\": 1", "\"version\": 1")
        #expect(throws: BaselineError.corrupt(path: dataPath, reason: "no schema_version")) {
            try Baseline.read(from: folder)
        }
    }

    @Test func jsonOfTheWrongShape() throws {
        let (folder, dataPath) = try Self.storedFolder()
        try "{\"schema_version\": 1, \"grid\": \"quick\", \"includes_tensors\": false, \"runs\": {}}"
            .write(toFile: dataPath, atomically: true, encoding: .utf8)
        #expect(throws: BaselineError.corrupt(path: dataPath, reason: "runs is an object, expected an array")) {
            try Baseline.read(from: folder)
        }
    }

    @Test func curveOfTheWrongLength() throws {
        let (folder, dataPath) = try Self.storedFolder()
        try Self.replace(dataPath, "\"grad_norm\": [3.0, 1.5, 1.0, 0.7, 0.5]", "\"grad_norm\": [3.0, 1.5]")
        #expect(throws: BaselineError.corrupt(path: dataPath, reason: "runs[0].curves.grad_norm has 2 values for 5 steps")) {
            try Baseline.read(from: folder)
        }
    }

    @Test func valueThatIsNotANumber() throws {
        let (folder, dataPath) = try Self.storedFolder()
        try Self.replace(dataPath, "\"grad_norm\": [3.0,", "\"grad_norm\": [\"three\",")
        let error = #expect(throws: BaselineError.self) { try Baseline.read(from: folder) }
        #expect(error == .corrupt(path: dataPath,
                                  reason: "runs[0].curves.grad_norm[0] is a string, expected a number, \"nan\", \"inf\" or \"-inf\""))
    }

    @Test func corruptMetaFileIsAnError() throws {
        let (folder, _) = try Self.storedFolder()
        let metaPath = folder.appendingPathComponent("meta.json").path
        try "{\"schema_version\": 1}".write(toFile: metaPath, atomically: true, encoding: .utf8)
        #expect(throws: BaselineError.corrupt(path: metaPath, reason: "machine is missing")) {
            try Baseline.read(from: folder)
        }
    }

    @Test func missingMetaFileIsAllowed() throws {
        let (folder, _) = try Self.storedFolder()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("meta.json"))
        let baseline = try Baseline.read(from: folder)
        #expect(baseline.meta == nil)
        #expect(baseline.runIds == ["a"])
    }

    @Test func writingIntoAFileFails() throws {
        let (_, dataPath) = try Self.storedFolder()
        let target = URL(fileURLWithPath: dataPath).appendingPathComponent("sub")
        let error = #expect(throws: BaselineError.self) { try Fixtures.baseline([Fixtures.run(id: "a")]).write(to: target) }
        guard case .writeFailed(let path, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == target.path)
    }
}
