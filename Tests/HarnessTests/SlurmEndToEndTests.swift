import Foundation
import Testing

/// `bench slurm --submit` against a real one-node Slurm cluster: a small grid as
/// a 3-task job array gives the same run ids, digests and tensor bytes as one
/// `bench run` on one machine. Opt in with BENCH_SLURM_TESTS=1 (scripts/test.sh
/// starts the cluster with scripts/slurm-local.sh and sets it); cancelled with the
/// reason where no cluster answers.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["BENCH_SLURM_TESTS"] != nil,
                             "set BENCH_SLURM_TESTS=1 to run against a local Slurm cluster"))
struct SlurmEndToEndTests {
    static let script = BenchProcess.repositoryRoot.appendingPathComponent("scripts/slurm-local.sh").path

    @Test func jobArrayMatchesASingleMachineRun() throws {
        let (status, out) = try Self.shell(Self.script, ["start"])
        guard status == 0 else { try Test.cancel("a local Slurm cluster cannot be started here: \(out)") }
        let startedHere = out.split(separator: "\n").last == "started"
        defer { if startedHere { _ = try? Self.shell(Self.script, ["stop"]) } }

        let dir = try BenchProcess.temporaryDirectory("slurm")
        let path = try EndToEndTests.writeGrid(EndToEndTests.grid, in: dir)
        let single = try BenchProcess.run(["run", path, "--results", "single", "--no-report", "--quiet"], in: dir)
        #expect(single.status == 0, "\(single.stderr)")

        let submitted = try BenchProcess.run(["slurm", path, "--tasks", "3", "--results", "array", "--submit", "--wait"], in: dir)
        #expect(submitted.status == 0, "bench slurm failed: \(submitted.stdout)\n\(submitted.stderr)")
        #expect(submitted.stdout.contains("#SBATCH --array=0-2"))
        #expect(submitted.stdout.contains("submitted job"))

        let report = try BenchProcess.run(["report", "array", "--out", "array-report"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("array/index.json").path))
        let merged = try EndToEndTests.fingerprint(dir.appendingPathComponent("array"))
        #expect(merged.count == 24)
        #expect(merged == (try EndToEndTests.fingerprint(dir.appendingPathComponent("single"))))
    }

    static func shell(_ path: String, _ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(); p.standardOutput = out; p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Bad cluster input: shards outside 0..<N, N < 1, and a missing `sbatch`.
@Suite struct SlurmInputTests {
    @Test func badShardsAndMissingSbatchExitWithStatusTwo() throws {
        let dir = try BenchProcess.temporaryDirectory("slurm-bad")
        let path = try EndToEndTests.writeGrid(EndToEndTests.grid, in: dir)
        #expect(try BenchProcess.run(["run", path, "--shard", "3/3"], in: dir).status == 2)
        #expect(try BenchProcess.run(["run", path, "--shard", "0/0"], in: dir).status == 2)
        #expect(try BenchProcess.run(["slurm", path, "--tasks", "0"], in: dir).status == 2)
        let p = BenchProcess.start(["slurm", path, "--tasks", "2", "--submit"], in: dir)
        var env = p.environment ?? [:]
        env["PATH"] = "/nonexistent"
        p.environment = env
        let err = Pipe(); p.standardError = err; p.standardOutput = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 2)
        #expect(message.contains("slurm-wlm"), "\(message)")
    }

}
