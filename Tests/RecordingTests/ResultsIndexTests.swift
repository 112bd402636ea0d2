import Foundation
import Testing
import TestSupport
@testable import Recording

@Suite struct ResultsIndexTests {
    /// A results folder with two good runs, a garbage `x.h5`, a truncated copy of
    /// a good run, a stray temporary file and a file that is not a run file.
    private func makeResults(_ folder: TemporaryFolder) throws -> URL {
        let runs = folder.url.appendingPathComponent("runs")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        var first = sampleRecord()
        first.attributes["run_id"] = .string("bbb")
        first.attributes["digest"] = .string(RunDigest.compute(first))
        try RunFileWriter.write(first, to: runs.appendingPathComponent("bbb.h5"))
        let second = RunRecord(
            attributes: ["run_id": .string("aaa"), "status": .string("diverged"), "seed": .int(1),
                         "optimizer": .string("sgd(lr=10)"), "steps_done": .int(2)],
            steps: [0, 2], curves: ["train_loss": [1.0, .nan], "evals": [1, 3]], wallTime: [0, 0.5])
        try RunFileWriter.write(second, to: runs.appendingPathComponent("aaa.h5"))
        try Data(repeating: 0x5A, count: 4096).write(to: runs.appendingPathComponent("x.h5"))
        let whole = try Data(contentsOf: runs.appendingPathComponent("bbb.h5"))
        try whole.prefix(whole.count / 2).write(to: runs.appendingPathComponent("partial.h5"))
        try whole.prefix(100).write(to: runs.appendingPathComponent(".ccc.h5.tmp-123-abc"))
        try Data("notes".utf8).write(to: runs.appendingPathComponent("notes.txt"))
        return folder.url
    }

    @Test func rebuildSkipsBrokenFilesWithWarnings() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let results = try makeResults(folder)
        let index = try ResultsIndex.rebuild(resultsDir: results)
        #expect(index.rows.map(\.runID) == ["aaa", "bbb"])
        #expect(index.rows.map(\.file) == ["aaa.h5", "bbb.h5"])
        #expect(index.warnings.map(\.file) == ["runs/partial.h5", "runs/x.h5"])
        #expect(index.warnings.allSatisfy { $0.reason.contains("open file") })
        #expect(try folder.contents() == ["index.json", "runs"])
    }

    @Test func rowsCarryFinalValues() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let index = try ResultsIndex.scan(resultsDir: try makeResults(folder))
        let b = try #require(index.rows.last)
        #expect(b.status == "completed")
        #expect(b.dataset == "digits")
        #expect(b.model == "mlp(hidden=[4])")
        #expect(b.optimizer == "adam(lr=0.001)")
        #expect(b.regularizer == "l2(lambda=0.0001)")
        #expect(b.seed == 3)
        #expect(b.trainLoss == 0.25)
        #expect(b.valLoss == 0.625)
        #expect(b.valAccuracy == 0.875)
        #expect(b.stepsDone == 30)
        #expect(b.evals == Int64(61))  // f_evals 31 + g_evals 30 + hv_evals 0
        #expect(b.wallTimeS == 1.25)
        #expect(b.digest == "e297411747bd26aac2c1a0660d6fbb814820dfdf9e09db04d0030e5b418e0266")
        let a = try #require(index.rows.first)
        #expect(a.trainLoss?.isNaN == true)
        #expect(a.valLoss == nil)
        #expect(a.evals == 3)  // no counter attributes: last value of /curves/evals
        #expect(a.wallTimeS == 0.5)  // no wall_time_s attribute: last wall time
        #expect(a.digest == nil)
    }

    @Test func jsonIsDeterministicWithNullsAndSortedKeys() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let results = try makeResults(folder)
        try ResultsIndex.rebuild(resultsDir: results)
        let url = results.appendingPathComponent("index.json")
        let first = try Data(contentsOf: url)
        try ResultsIndex.rebuild(resultsDir: results)
        #expect(try Data(contentsOf: url) == first)

        let json = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        let keys = ["dataset", "digest", "evals", "file", "model", "optimizer", "regularizer", "run_id", "seed",
                    "status", "steps_done", "train_loss", "val_accuracy", "val_loss", "wall_time_s"]
        #expect(runs.allSatisfy { Set($0.keys) == Set(keys) })
        #expect(runs[0]["val_loss"] is NSNull)
        #expect(runs[0]["train_loss"] as? String == "nan")
        #expect(runs[1]["train_loss"] as? Double == 0.25)
        // Keys appear in sorted order in the text of each row.
        let text = String(decoding: first, as: UTF8.self)
        let positions = keys.map { text.range(of: "\"\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func loadReadsWhatRebuildWrote() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let results = try makeResults(folder)
        let built = try ResultsIndex.rebuild(resultsDir: results)
        let loaded = try ResultsIndex.load(resultsDir: results)
        #expect(loaded.rows.count == 2)
        #expect(loaded.rows[1] == built.rows[1])
        #expect(loaded.rows[0].trainLoss?.isNaN == true)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func emptyAndMissingFolders() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let index = try ResultsIndex.rebuild(resultsDir: folder.url)
        #expect(index.rows.isEmpty && index.warnings.isEmpty)
        #expect(try ResultsIndex.load(resultsDir: folder.url).rows.isEmpty)
        let missing = folder.url.appendingPathComponent("missing")
        #expect {
            try ResultsIndex.rebuild(resultsDir: missing)
        } throws: { error in
            guard case RecordingError.fileSystem(let path, _, let code)? = error as? RecordingError else { return false }
            return path == missing.path && code == ENOENT
        }
    }
}
