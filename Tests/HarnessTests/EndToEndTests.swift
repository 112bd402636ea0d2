import Foundation
import Recording
import Testing

/// The `bench` binary end to end: determinism across jobs, threads and an
/// interrupted-then-resumed run; exit statuses; nothing written on bad input.
@Suite(.serialized) struct EndToEndTests {
    static let grid = """
    name: tiny
    datasets: [blobs]
    models:
      - logreg
      - mlp: {hidden: [8], activation: tanh}
    optimizers:
      - sgd: {lr: 0.1, momentum: 0.9}
      - adam: {lr: 0.01}
      - lbfgs: {history: 5}
    regularizers: [none, {l2: {lambda: 0.001}, grad_clip: {max_norm: 5.0}}]
    seeds: [0, 1]
    train: {steps: 30, batch_size: 32, eval_every: 10}
    """

    static func writeGrid(_ text: String, in dir: URL, name: String = "grid.yaml") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// run id -> (digest, every tensor's bytes) of a results folder.
    static func fingerprint(_ results: URL) throws -> [String: String] {
        let runs = results.appendingPathComponent("runs")
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted() where name.hasSuffix(".h5") {
            let r = try RunFileReader.read(runs.appendingPathComponent(name))
            var tensorText = ""
            for key in r.tensors.keys.sorted() {
                tensorText += key + ":" + r.tensors[key]!.doubles.map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
            }
            out[name] = (r.string("digest") ?? "?") + "|" + (r.string("status") ?? "?") + "|" + tensorText
        }
        return out
    }

    @Test func jobsAndThreadsGiveIdenticalResults() throws {
        let dir = try BenchProcess.temporaryDirectory("determinism")
        let path = try Self.writeGrid(Self.grid, in: dir)
        var prints: [[String: String]] = []
        for (i, flags) in [["--jobs", "1"], ["--jobs", "2"], ["--threads", "2"]].enumerated() {
            let r = try BenchProcess.run(["run", path, "--results", "r\(i)", "--no-report", "--quiet"] + flags, in: dir)
            #expect(r.status == 0, "bench run failed: \(r.stderr)")
            prints.append(try Self.fingerprint(dir.appendingPathComponent("r\(i)")))
        }
        #expect(prints[0].count == 24)
        #expect(prints[0].values.allSatisfy { $0.contains("|completed|") })
        #expect(prints[0] == prints[1])
        #expect(prints[0] == prints[2])
    }

    @Test func rerunSkipsCompletedCells() throws {
        let dir = try BenchProcess.temporaryDirectory("resume")
        let path = try Self.writeGrid(Self.grid, in: dir)
        let first = try BenchProcess.run(["run", path, "--results", "r", "--no-report", "--quiet"], in: dir)
        #expect(first.status == 0)
        let second = try BenchProcess.run(["run", path, "--results", "r", "--no-report", "--quiet"], in: dir)
        #expect(second.status == 0)
        #expect(second.stdout.contains("ran 0 cells, skipped 24"))
    }

    @Test func killedRunResumesToIdenticalResults() throws {
        let dir = try BenchProcess.temporaryDirectory("kill")
        let longer = Self.grid.replacingOccurrences(of: "steps: 30", with: "steps: 150")
        let path = try Self.writeGrid(longer, in: dir)
        let reference = try BenchProcess.run(["run", path, "--results", "ref", "--no-report", "--quiet"], in: dir)
        #expect(reference.status == 0)
        let runs = dir.appendingPathComponent("killed/runs")
        let p = BenchProcess.start(["run", path, "--results", "killed", "--no-report", "--quiet"], in: dir)
        p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let done = ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).filter { $0.hasSuffix(".h5") && !$0.hasPrefix(".") }
            if done.count >= 3 { break }
            usleep(20_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let partial = ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).filter { $0.hasSuffix(".h5") && !$0.hasPrefix(".") }
        #expect(partial.count >= 3 && partial.count < 24, "kill landed after \(partial.count) cells")
        let resumed = try BenchProcess.run(["run", path, "--results", "killed", "--no-report", "--quiet"], in: dir)
        #expect(resumed.status == 0, "resume failed: \(resumed.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "left over: \(leftovers)")
        #expect(try Self.fingerprint(dir.appendingPathComponent("killed")) == Self.fingerprint(dir.appendingPathComponent("ref")))
    }

    @Test func badGridExitsWithStatusTwoAndWritesNothing() throws {
        let dir = try BenchProcess.temporaryDirectory("bad")
        let path = try Self.writeGrid(Self.grid.replacingOccurrences(of: "adam: {lr: 0.01}", with: "adam: {lr: -0.01}"), in: dir)
        let r = try BenchProcess.run(["run", path, "--results", "r"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("grid.yaml:8:16: error: optimizers[1].adam.lr"), "message: \(r.stderr)")
        #expect(r.stderr.contains("lr"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r").path))
        let unknown = try Self.writeGrid(Self.grid.replacingOccurrences(of: "lbfgs:", with: "lbgfs:"), in: dir, name: "g2.yaml")
        let r2 = try BenchProcess.run(["list", unknown], in: dir)
        #expect(r2.status == 2)
        #expect(r2.stderr.contains("did you mean 'lbfgs'"), "message: \(r2.stderr)")
        let r3 = try BenchProcess.run(["run", path, "--jobs", "0"], in: dir)
        #expect(r3.status == 2)
        let r4 = try BenchProcess.run(["run", "--no-such-flag", path], in: dir)
        #expect(r4.status == 2)
    }

    @Test func listShowAndH5dump() throws {
        let dir = try BenchProcess.temporaryDirectory("show")
        let path = try Self.writeGrid(Self.grid, in: dir)
        let list = try BenchProcess.run(["list", path], in: dir)
        #expect(list.status == 0)
        #expect(list.stdout.contains("24"))
        let r = try BenchProcess.run(["run", path, "--results", "r", "--no-report", "--quiet"], in: dir)
        #expect(r.status == 0)
        let runs = dir.appendingPathComponent("r/runs")
        let first = try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { $0.hasSuffix(".h5") }.sorted()[0]
        let show = try BenchProcess.run(["show", "r/runs/" + first], in: dir)
        #expect(show.status == 0)
        #expect(show.stdout.contains("completed"))
        let dump = Process()
        dump.executableURL = URL(fileURLWithPath: "/usr/bin/h5dump")
        dump.arguments = ["-a", "/status", runs.appendingPathComponent(first).path]
        let pipe = Pipe(); dump.standardOutput = pipe
        try dump.run(); dump.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("\"completed\""))
        let index = try String(contentsOf: dir.appendingPathComponent("r/index.json"), encoding: .utf8)
        #expect(index.contains(String(first.dropLast(3))))
        let missing = try BenchProcess.run(["report", "r", "--out", "rep", "--grid", "no-such.yaml"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such.yaml"), "message: \(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("rep").path))
        let report = try BenchProcess.run(["report", "r", "--out", "rep", "--grid", path], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("rep/index.html"), encoding: .utf8)
        #expect(page.contains("name: tiny"))
    }
}
