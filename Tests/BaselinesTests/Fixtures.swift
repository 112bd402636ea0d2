import Foundation
import Recording
import Support
@testable import Baselines

/// Run records built in memory, shaped like the ones the harness writes.
enum Fixtures {
    static let steps: [Int64] = [0, 25, 50, 75, 100]

    static let machine = MachineDescription(system: "Linux", release: "6.1.0", architecture: "x86_64",
                                            cpuModel: "Test CPU", coreCount: 2, operatingSystem: "Debian 12")

    /// One run of the cell `optimizer` with `seed`; `finalValLoss` sets the last
    /// `val_loss` value. The digest attribute is filled in by `sealed`.
    static func run(id: String, seed: Int64 = 0, optimizer: String = "adam(lr=0.001)",
                    finalValLoss: Double = 0.5, status: String = "completed") -> RunRecord {
        let config = "{\"dataset\":{\"name\":\"digits\"},\"model\":{\"name\":\"mlp\"},\"optimizer\":\"\(optimizer)\","
            + "\"regularizers\":[],\"seed\":\(seed),\"train\":{\"steps\":100}}"
        var r = RunRecord(
            attributes: [
                "run_id": .string(id), "grid": .string("quick"), "dataset": .string("digits"),
                "model": .string("mlp"), "optimizer": .string(optimizer), "regularizer": .string("none"),
                "seed": .int(seed), "status": .string(status), "config": .string(config),
                "engine_version": .string("1.0.0"), "dtype": .string("float64"), "param_count": .int(9),
                "wall_time_s": .double(1.25), "peak_rss_bytes": .int(123_456), "threads": .int(2),
                "test_loss": .double(0.55),
            ],
            steps: steps,
            curves: [
                "train_loss": [2.3, 1.1, 0.8, 0.6, 0.45],
                "val_loss": [2.3, 1.2, 0.9, 0.7, finalValLoss],
                "val_accuracy": [0.1, 0.6, 0.7, 0.8, 0.85],
                "grad_norm": [3.0, 1.5, 1.0, 0.7, 0.5],
                "lr": [0.001, 0.001, 0.001, 0.001, 0.001],
            ],
            wallTime: [0, 0.1, 0.2, 0.3, 0.4],
            tensors: [
                "initial/w": StoredTensor(shape: [2, 3], elements: .float32([0.1, -0.2, 0.3, 0.4, -0.5, 0.6])),
                "final/w": StoredTensor(shape: [2, 3], elements: .float32([1, -2, 3, 4, -5, 6])),
                "final/b": StoredTensor(shape: [3], elements: .float64([0.25, -0.0, Double.leastNormalMagnitude / 64])),
            ],
            series: ["hessian": Series(steps: [0, 100], curves: ["top_eigenvalue": [12.5, 3.25]])])
        r = sealed(r)
        return r
    }

    /// `record` with its `digest` attribute set to a SHA-256 over the bit
    /// patterns of every dataset except wall time (a stand-in for the run
    /// file's digest, with the property that matters here: it changes with
    /// any bit of the data).
    static func sealed(_ record: RunRecord) -> RunRecord {
        var hash = SHA256()
        hash.update(rawBytesOf: record.steps)
        for name in record.curves.keys.sorted() {
            hash.update(name)
            hash.update(rawBytesOf: record.curves[name]!.map(\.bitPattern))
        }
        for group in record.series.keys.sorted() {
            hash.update(group)
            hash.update(rawBytesOf: record.series[group]!.steps)
            for name in record.series[group]!.curves.keys.sorted() {
                hash.update(name)
                hash.update(rawBytesOf: record.series[group]!.curves[name]!.map(\.bitPattern))
            }
        }
        for key in record.tensors.keys.sorted() {
            hash.update(key)
            switch record.tensors[key]!.elements {
            case .float32(let v): hash.update(rawBytesOf: v.map(\.bitPattern))
            case .float64(let v): hash.update(rawBytesOf: v.map(\.bitPattern))
            }
        }
        var r = record
        r.attributes["digest"] = .string(SHA256.hexString(hash.finalize()))
        return r
    }

    /// `record` with curve `name` changed at `index` by `change`, digest updated.
    static func changing(_ record: RunRecord, curve name: String, at index: Int,
                         _ change: (Double) -> Double) -> RunRecord {
        var r = record
        r.curves[name]![index] = change(r.curves[name]![index])
        return sealed(r)
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("baselines-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func baseline(_ records: [RunRecord], tensors: Bool = false) throws -> Baseline {
        try BaselineStore.make(records: records, grid: "quick", includeTensors: tensors, machine: machine,
                               createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// Whether two doubles have the same bits.
    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.map(\.bitPattern) == b.map(\.bitPattern)
    }
}
