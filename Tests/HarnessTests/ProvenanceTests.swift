import Foundation
import Recording
import Testing
@testable import Harness

/// Provenance attributes: parsed correctly from system files, written into
/// every run file, shown by `bench show` and `bench --version`, and kept out of
/// digests and run ids.
@Suite(.serialized) struct ProvenanceTests {
    private typealias Name = RunFileNames.Attribute

    static let grid = """
    name: prov
    datasets: [blobs]
    models: [logreg]
    optimizers: [{sgd: {lr: 0.1}}]
    seeds: [0]
    train: {steps: 5, batch_size: 16, eval_every: 5}
    """

    @Test func cpuModelComesFromTheFirstModelNameLine() {
        let text = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9R14 96-Core Processor\n"
            + "processor\t: 1\nmodel name\t: other\n"
        #expect(HostDescription.cpuModel(fromCPUInfo: text) == "AMD EPYC 9R14 96-Core Processor")
        #expect(HostDescription.cpuModel(fromCPUInfo: "processor : 0\nHardware : BCM2835\n") == nil)
    }

    @Test func operatingSystemNameDropsQuotes() {
        let text = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n"
        #expect(HostDescription.prettyName(fromOSRelease: text) == "Debian GNU/Linux 12 (bookworm)")
        #expect(HostDescription.prettyName(fromOSRelease: "ID=x\n") == nil)
    }

    @Test func timestampsAreUTCInISO8601() {
        #expect(UTCTimestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(UTCTimestamp.string(Date(timeIntervalSince1970: 1_796_442_941.7)) == "2026-12-05T03:55:41Z")
    }

    @Test func checkoutIsFoundAboveItsBuildFolder() throws {
        let root = try BenchProcess.temporaryDirectory("checkout")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let rootPath = root.standardizedFileURL.path
        #expect(SourceCommit.checkoutRoot(ofExecutable: rootPath + "/.build/release/bench") == rootPath)
        #expect(SourceCommit.checkoutRoot(ofExecutable: rootPath + "/.build-native/x86_64-unknown-linux-gnu/release/bench") == rootPath)
        #expect(SourceCommit.checkoutRoot(ofExecutable: rootPath + "/bin/bench") == nil)
        #expect(SourceCommit.checkoutRoot(ofExecutable: "/usr/local/.build/bench") == nil, "no .git: not a checkout")
    }

    @Test func instructionSetNamesTheCompiledFloor() {
        #if arch(x86_64)
        // Package.swift compiles for x86-64-v3 at least; a native build may add AVX-512.
        #expect(InstructionSet.description.contains("AVX2, FMA"), "\(InstructionSet.description)")
        #endif
    }

    @Test func runFilesRecordProvenanceOutsideDigestAndRunId() throws {
        let dir = try BenchProcess.temporaryDirectory("provenance")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try EndToEndTests.writeGrid(Self.grid, in: dir)
        var records: [RunRecord] = []
        for results in ["a", "b"] {
            let r = try BenchProcess.run(["run", path, "--results", results, "--no-report", "--quiet"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            let runs = dir.appendingPathComponent(results).appendingPathComponent("runs")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix(".h5") })
            records.append(try VerifiedRunFile.read(runs.appendingPathComponent(name)))
            if results == "a" { Thread.sleep(forTimeInterval: 1.1) }
        }
        let a = records[0], b = records[1]
        #expect(a.int(Name.schemaVersion) == RunFileSchema.current)
        #expect(a.string(Name.benchVersion) == BenchVersion.current)
        #expect(a.string(Name.engineVersion) == EngineVersion.current)
        for name in [Name.sourceCommit, Name.hostName, Name.cpuModel, Name.instructionSet, Name.operatingSystem] {
            #expect(!(a.string(name) ?? "").isEmpty, "\(name) missing")
        }
        let iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/
        let start = try #require(a.string(Name.startTime)), end = try #require(a.string(Name.endTime))
        #expect(start.wholeMatch(of: iso) != nil && end.wholeMatch(of: iso) != nil, "\(start) \(end)")
        #expect(start <= end)
        #expect(a.string(Name.startTime) != b.string(Name.startTime), "the two runs were a second apart")
        #expect(a.string(Name.digest) == b.string(Name.digest))
        #expect(a.string(Name.runID) == b.string(Name.runID))
        #expect(!(a.string(Name.config) ?? "").contains("host"), "provenance must not enter the canonical configuration")

        let show = try BenchProcess.run(["show", "a/runs/\(a.string(Name.runID)!).h5"], in: dir)
        #expect(show.status == 0)
        for line in ["schema version:    \(RunFileSchema.current)", "bench version:     \(BenchVersion.current)",
                     "cpu model:         \(a.string(Name.cpuModel)!)", "start time:        \(start)"] {
            #expect(show.stdout.contains(line), "missing '\(line)' in:\n\(show.stdout)")
        }
    }

    @Test func versionFlagPrintsVersionsAndCommit() throws {
        let dir = try BenchProcess.temporaryDirectory("version")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BenchProcess.run(["--version"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("bench \(BenchVersion.current)\n"), "\(r.stdout)")
        #expect(r.stdout.contains("engine: \(EngineVersion.current)"))
        // The test binary sits in this checkout's .build folder, so the commit is known.
        #expect(r.stdout.contains(/source commit: [0-9a-f]{40}/), "\(r.stdout)")
    }

    @Test func runRefusesToReplaceAFileFromANewerBench() throws {
        let dir = try BenchProcess.temporaryDirectory("newer")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try EndToEndTests.writeGrid(Self.grid, in: dir)
        #expect(try BenchProcess.run(["run", path, "--results", "r", "--no-report", "--quiet"], in: dir).status == 0)
        let runs = dir.appendingPathComponent("r/runs")
        let file = runs.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix(".h5") }))
        var record = try RunFileReader.read(file)
        record.attributes[Name.schemaVersion] = .int(RunFileSchema.current + 1)
        try RunFileWriter.write(record, to: file)
        let r = try BenchProcess.run(["run", path, "--results", "r", "--no-report", "--quiet"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("written by a newer bench"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: runs.appendingPathComponent(".damaged").path))
        let show = try BenchProcess.run(["show", file.path], in: dir)
        #expect(show.status == 2 && show.stderr.contains("newer than this bench reads"), "\(show.stderr)")
    }
}
