import Foundation
import Testing
import Recording
import TestSupport
@testable import Baselines

@Suite struct BaselineStorageTests {
    /// A run whose curves hold every awkward double.
    static func awkwardRun() -> RunRecord {
        var r = Fixtures.run(id: "aaa")
        let awkward = AwkwardDoubles.values
        r.steps = (0..<Int64(awkward.count)).map { $0 * 10 }
        r.curves = ["train_loss": awkward, "val_loss": awkward.reversed()]
        r.wallTime = awkward.map { _ in 1.5 }
        r.attributes["f_star"] = .double(-0.0)
        r.attributes["test_accuracy"] = .double(.nan)
        r.tensors["final/w"] = StoredTensor(shape: [2, 3], elements: .float32([
            0.1, -0.0, Float.leastNonzeroMagnitude, .nan, Float(bitPattern: 0x7fc0_0001), -.infinity]))
        r.tensors["final/b"] = StoredTensor(shape: [3], elements: .float64([0.1 + 0.2, Double.leastNonzeroMagnitude, -.nan]))
        return Fixtures.sealed(r)
    }

    @Test func writeThenReadGivesTheSameBits() throws {
        let original = Self.awkwardRun()
        let folder = Fixtures.temporaryFolder()
        try Fixtures.baseline([original], tensors: true).write(to: folder)
        let read = try Baseline.read(from: folder)
        #expect(read.grid == "quick")
        #expect(read.includesTensors)
        #expect(read.runs.count == 1)
        let run = read.runs[0]
        #expect(run.steps == original.steps)
        #expect(Set(run.curves.keys) == ["train_loss", "val_loss"])
        for (name, values) in original.curves { #expect(Fixtures.sameBits(run.curves[name]!, values), "\(name)") }
        guard case .float32(let w)? = run.tensors["final/w"]?.elements,
              case .float32(let w0)? = original.tensors["final/w"]?.elements,
              case .float64(let b)? = run.tensors["final/b"]?.elements,
              case .float64(let b0)? = original.tensors["final/b"]?.elements else {
            Issue.record("tensors missing or of the wrong dtype"); return
        }
        #expect(w.map(\.bitPattern) == w0.map(\.bitPattern))
        #expect(b.map(\.bitPattern) == b0.map(\.bitPattern))
        #expect(run.tensors["final/w"]!.shape == [2, 3])
        #expect(run.series == original.series)
        #expect(run.attributes["seed"] == .int(0))
        #expect(run.attributes["param_count"] == .int(9))
        #expect(run.attributes["digest"] == original.attributes["digest"])
        guard case .double(let fStar)? = run.attributes["f_star"], case .double(let accuracy)? = run.attributes["test_accuracy"] else {
            Issue.record("double attributes not read back as doubles"); return
        }
        #expect(fStar.bitPattern == (-0.0).bitPattern)
        #expect(accuracy.isNaN)
        #expect(read.meta == BaselineMeta(createdAt: "2023-11-14T22:13:20Z", machine: Fixtures.machine))
    }

    @Test func volatileDataAndInitialTensorsAreLeftOut() throws {
        let baseline = try Fixtures.baseline([Fixtures.run(id: "a")], tensors: true)
        let run = baseline.runs[0]
        #expect(run.wallTime.isEmpty)
        for name in ["wall_time_s", "peak_rss_bytes", "threads"] { #expect(run.attributes[name] == nil, "\(name)") }
        #expect(Set(run.tensors.keys) == ["final/w", "final/b"])
        let text = baseline.dataFileText
        #expect(!text.contains("wall_time"))
        #expect(!text.contains("\"initial/"))  // initial tensors are kept only as digests
        #expect(run.attributes["digest:/tensors/initial/w"] != nil)
        #expect(!text.contains("created_at"))
        #expect(text.contains("\"schema_version\": 1"))
        #expect(text.contains("\"val_loss\": 0.5"))  // the final metrics block
    }

    @Test func tensorsAreStoredOnlyOnRequest() throws {
        let baseline = try Fixtures.baseline([Fixtures.run(id: "a")], tensors: false)
        #expect(baseline.runs[0].tensors.isEmpty)
        #expect(!baseline.dataFileText.contains("\"tensors\""))
    }

    @Test func storingUnchangedResultsAgainGivesIdenticalBytes() throws {
        let runs = [Fixtures.run(id: "b", seed: 1), Fixtures.run(id: "a"), Self.awkwardRun()]
        let folder = Fixtures.temporaryFolder()
        try Fixtures.baseline(runs, tensors: true).write(to: folder)
        let first = try Data(contentsOf: folder.appendingPathComponent("baseline.json"))
        let firstMeta = try Data(contentsOf: folder.appendingPathComponent("meta.json"))
        // Another time, another machine, another order of the runs.
        var rerun = runs.reversed().map { r -> RunRecord in
            var r = r
            r.attributes["wall_time_s"] = .double(9.75)
            r.wallTime = r.wallTime.map { $0 * 3 }
            return r
        }
        rerun.swapAt(0, 1)
        let other = MachineDescription(system: "Linux", release: "6.9", architecture: "arm64", cpuModel: "Other",
                                       coreCount: 64, operatingSystem: "Other OS")
        try BaselineStore.make(records: rerun, grid: "quick", includeTensors: true, machine: other,
                               createdAt: Date(timeIntervalSince1970: 1_800_000_000)).write(to: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent("baseline.json")) == first)
        #expect(try Data(contentsOf: folder.appendingPathComponent("meta.json")) != firstMeta)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(leftovers == ["baseline.json", "meta.json"])
    }

    @Test func runsAreSortedByRunId() throws {
        let baseline = try Fixtures.baseline([Fixtures.run(id: "c"), Fixtures.run(id: "a"), Fixtures.run(id: "b")])
        #expect(baseline.runIds == ["a", "b", "c"])
        #expect(baseline.engineVersions == ["1.0.0"])
    }

    @Test func recordsThatCannotBeStoredAreRejected() {
        var noId = Fixtures.run(id: "a")
        noId.attributes["run_id"] = nil
        #expect(throws: BaselineError.invalidRecord(reason: "a run has no run_id attribute")) {
            try Fixtures.baseline([noId])
        }
        #expect(throws: BaselineError.invalidRecord(reason: "run_id a appears twice")) {
            try Fixtures.baseline([Fixtures.run(id: "a"), Fixtures.run(id: "a", seed: 1)])
        }
        var short = Fixtures.run(id: "a")
        short.curves["val_loss"]!.removeLast()
        #expect(throws: BaselineError.invalidRecord(reason: "run a: curve val_loss has 4 values for 5 steps")) {
            try Fixtures.baseline([short])
        }
    }

    @Test func machineDescriptionOfThisHostIsFilledIn() {
        let machine = MachineDescription.current()
        #expect(!machine.system.isEmpty)
        #expect(!machine.architecture.isEmpty)
        #expect(machine.coreCount >= 1)
    }
}
