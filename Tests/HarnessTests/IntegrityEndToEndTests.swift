import Foundation
import Recording
import Testing
@testable import GridLanguage
@testable import Harness

/// Damaged run files, FIFOs, hostile grid names and empty baselines, through
/// the `bench` binary: check, report, baseline and resume never trust them.
@Suite(.serialized) struct IntegrityEndToEndTests {
    static let grid = """
    name: integrity
    models: [rosenbrock, beale]
    optimizers: [{sgd: {lr: 0.001}}, {adam: {lr: 0.01}}]
    seeds: [0, 1]
    train: {steps: 20, eval_every: 5}
    """

    /// Ways to damage a run file without updating its digest.
    enum Tampering: String, CaseIterable, Sendable {
        case curveValue, tensorBytes, deletedCurves, reshapedTensor, truncated

        func apply(to url: URL) throws {
            if self == .truncated {
                let bytes = try Data(contentsOf: url)
                try bytes.prefix(bytes.count / 3).write(to: url)
                return
            }
            var r = try RunFileReader.read(url)
            switch self {
            case .curveValue:
                let name = r.curves.keys.sorted().first { r.curves[$0]!.count > 1 }!
                r.curves[name]![1] = r.curves[name]![1].nextUp
            case .tensorBytes:
                let key = r.tensors.keys.sorted().last!
                let t = r.tensors[key]!
                switch t.elements {
                case .float32(var v): v[0] = Float(bitPattern: v[0].bitPattern ^ 1); r.tensors[key] = StoredTensor(shape: t.shape, elements: .float32(v))
                case .float64(var v): v[0] = Double(bitPattern: v[0].bitPattern ^ 1); r.tensors[key] = StoredTensor(shape: t.shape, elements: .float64(v))
                }
            case .deletedCurves: r.steps = []; r.curves = [:]; r.wallTime = []
            case .reshapedTensor:
                let key = r.tensors.keys.sorted().last!
                let t = r.tensors[key]!
                r.tensors[key] = StoredTensor(shape: [1] + t.shape, elements: t.elements)
            case .truncated: break
            }
            try FileManager.default.removeItem(at: url)
            try RunFileWriter.write(r, to: url)
        }
    }

    /// A folder with the grid run into `r/` and stored as a baseline in `b/`.
    struct Prepared {
        var dir: URL, gridPath: String
        var results: URL { dir.appendingPathComponent("r") }
        var runs: URL { results.appendingPathComponent("runs") }
        /// The first run file, by name.
        var victim: URL { get throws { runs.appendingPathComponent(try runFiles()[0]) } }
        var victimId: String { get throws { String(try runFiles()[0].dropLast(3)) } }

        func runFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { $0.hasSuffix(".h5") && !$0.hasPrefix(".") }.sorted()
        }

        func bench(_ args: [String]) throws -> BenchProcess.Result { try BenchProcess.run(args, in: dir) }
    }

    static func prepare(_ label: String) throws -> Prepared {
        let dir = try BenchProcess.temporaryDirectory(label)
        let p = Prepared(dir: dir, gridPath: try EndToEndTests.writeGrid(Self.grid, in: dir))
        let run = try p.bench(["run", p.gridPath, "--results", "r", "--no-report", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let stored = try p.bench(["baseline", "r", "--to", "b"])
        #expect(stored.status == 0, "\(stored.stderr)")
        return p
    }

    @Test(arguments: Tampering.allCases)
    func checkNamesTheDamagedRunInEveryMode(_ tampering: Tampering) throws {
        let p = try Self.prepare("check-\(tampering)")
        let id = try p.victimId
        try tampering.apply(to: try p.victim)
        for mode in ["exact", "tolerance", "statistical"] {
            let r = try p.bench(["check", "r", "--baseline", "b", "--mode", mode])
            #expect(r.status == 1, "\(mode): \(r.stdout)\(r.stderr)")
            let line = r.stdout.split(separator: "\n").first { $0.hasPrefix(id) && $0.contains("damaged") }
            #expect(line != nil, "\(mode): \(r.stdout)")
        }
    }

    @Test(arguments: Tampering.allCases)
    func reportAndBaselineSkipDamageLoudlyAndFail(_ tampering: Tampering) throws {
        let p = try Self.prepare("report-\(tampering)")
        let name = try p.runFiles()[0]
        try tampering.apply(to: try p.victim)
        let report = try p.bench(["report", "r", "--out", "rep"])
        #expect(report.status == 2, "\(report.stderr)")
        #expect(report.stderr.contains(name))
        #expect(report.stderr.contains("damaged"))
        let baseline = try p.bench(["baseline", "r", "--to", "b2"])
        #expect(baseline.status == 2, "\(baseline.stderr)")
        #expect(baseline.stderr.contains(name))
        #expect(!FileManager.default.fileExists(atPath: p.dir.appendingPathComponent("b2").path))
    }

    @Test(arguments: Tampering.allCases)
    func resumeMovesDamageAsideAndRunsTheCellAgain(_ tampering: Tampering) throws {
        let p = try Self.prepare("resume-\(tampering)")
        let before = try EndToEndTests.fingerprint(p.results)
        let name = try p.runFiles()[0]
        try tampering.apply(to: try p.victim)
        let resumed = try p.bench(["run", p.gridPath, "--results", "r", "--no-report", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("ran 1 cells, skipped 7"), "\(resumed.stdout)")
        #expect(resumed.stderr.contains("damaged run file"))
        #expect(FileManager.default.fileExists(atPath: p.runs.appendingPathComponent(".damaged/\(name)").path))
        #expect(try EndToEndTests.fingerprint(p.results) == before)
        #expect(try p.bench(["check", "r", "--baseline", "b"]).status == 0)
    }

    /// Runs `bench args` and fails the test instead of hanging when it blocks.
    static func runBounded(_ p: Prepared, _ args: [String]) throws -> BenchProcess.Result? {
        let process = BenchProcess.start(args, in: p.dir)
        let out = p.dir.appendingPathComponent("out-\(UUID().uuidString)"), err = p.dir.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            Issue.record("bench \(args.joined(separator: " ")) hung")
            return nil
        }
        return BenchProcess.Result(status: process.terminationStatus,
                                   stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test func fifoInRunsBlocksNothing() throws {
        let p = try Self.prepare("fifo")
        let stray = p.runs.appendingPathComponent("zzzz.h5")
        #expect(mkfifo(stray.path, 0o644) == 0)
        // A FIFO under a cell's own name is moved aside by resume.
        let victim = try p.victim
        try FileManager.default.removeItem(at: victim)
        #expect(mkfifo(victim.path, 0o644) == 0)

        let report = try #require(try Self.runBounded(p, ["report", "r", "--out", "rep"]))
        #expect(report.stderr.contains("not a regular file"))
        let check = try #require(try Self.runBounded(p, ["check", "r", "--baseline", "b"]))
        #expect(check.status == 1, "the cell whose file is a FIFO is missing: \(check.stdout)")
        let baseline = try #require(try Self.runBounded(p, ["baseline", "r", "--to", "b2"]))
        #expect(baseline.stderr.contains("not a regular file"))
        let show = try #require(try Self.runBounded(p, ["show", stray.path]))
        #expect(show.status == 2)
        let run = try #require(try Self.runBounded(p, ["run", p.gridPath, "--results", "r", "--no-report", "--quiet"]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ran 1 cells"))
        let after = try #require(try Self.runBounded(p, ["check", "r", "--baseline", "b"]))
        #expect(after.status == 0, "\(after.stdout)")
        let reportAfter = try #require(try Self.runBounded(p, ["report", "r", "--out", "rep"]))
        #expect(reportAfter.status == 0, "\(reportAfter.stderr)")
    }

    @Test func gridNameFromRunFilesMustBeOneFolderName() throws {
        let p = try Self.prepare("escape")
        for name in try p.runFiles() {
            let url = p.runs.appendingPathComponent(name)
            var r = try RunFileReader.read(url)
            r.attributes["grid"] = .string("../escaped")
            try FileManager.default.removeItem(at: url)
            try RunFileWriter.write(r, to: url)
        }
        let report = try p.bench(["report", "r"])
        #expect(report.status == 2)
        #expect(report.stderr.contains("../escaped"))
        let baseline = try p.bench(["baseline", "r"])
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("--to"))
        for leaked in ["escaped", "reports", "results"] {
            #expect(!FileManager.default.fileExists(atPath: p.dir.appendingPathComponent(leaked).path), "\(leaked)")
        }
        #expect(try p.bench(["report", "r", "--out", "rep"]).status == 0)
    }

    @Test func baselineWithoutRunsIsBadInput() throws {
        let p = try Self.prepare("empty")
        let data = p.dir.appendingPathComponent("b/baseline.json")
        let text = try String(contentsOf: data, encoding: .utf8)
        let start = try #require(text.range(of: "\"runs\": ["))
        let end = try #require(text.range(of: "\n  ]", range: start.upperBound..<text.endIndex))
        try (String(text[..<start.upperBound]) + "]" + String(text[end.upperBound...])).write(to: data, atomically: true, encoding: .utf8)
        let r = try p.bench(["check", "r", "--baseline", "b"])
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("no runs"))
    }

    @Test func resumeRemovesOnlyTemporariesOfDeadWriters() throws {
        let p = try Self.prepare("temporaries")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let live = p.runs.appendingPathComponent(".aaaa.h5.tmp-\(getpid())-1")
        let dead = p.runs.appendingPathComponent(".bbbb.h5.tmp-\(finished.processIdentifier)-1")
        for url in [live, dead] { FileManager.default.createFile(atPath: url.path, contents: Data([1, 2, 3])) }
        let r = try p.bench(["run", p.gridPath, "--results", "r", "--no-report", "--quiet"])
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }

    @Test func fullRunsAndShardsExcludeEachOther() throws {
        let p = try Self.prepare("locks")
        let args = ["run", p.gridPath, "--results", "r", "--no-report", "--quiet"]
        do {
            let shard = try ResultsLock(directory: p.results, shard: Shard(index: 0, count: 2))
            let full = try p.bench(args)
            #expect(full.status == 2)
            #expect(full.stderr.contains("another bench run"))
            #expect(try p.bench(args + ["--shard", "1/2"]).status == 0)
            withExtendedLifetime(shard) {}
        }
        do {
            let full = try ResultsLock(directory: p.results)
            let shard = try p.bench(args + ["--shard", "1/2"])
            #expect(shard.status == 2)
            #expect(shard.stderr.contains("another bench run"))
            withExtendedLifetime(full) {}
        }
        #expect(try p.bench(args).status == 0)
    }
}
