import Datasets
import Foundation
import Recording
import Support

/// Runs the missing cells of a grid into a results folder.
///
/// Order of work: every cell is validated (components built against each other,
/// data sets loaded once) before anything is written; completed cells (a run file
/// under the final name whose content matches its digest) are skipped, damaged
/// ones moved to `runs/.damaged/` and run again; cells run on `jobs` workers, each training
/// with `threads` threads; each run file is written atomically and `index.json`
/// rebuilt after it.
public struct GridRunner {
    public var grid: Grid
    public var resultsDirectory: URL
    public var jobs: Int = 1
    public var threads: Int = 1
    public var shard: Shard? = nil
    public var quiet = false
    public var dataRoot: URL

    public init(grid: Grid, resultsDirectory: URL, dataRoot: URL) {
        self.grid = grid; self.resultsDirectory = resultsDirectory; self.dataRoot = dataRoot
    }

    /// What a finished grid run did.
    public struct Summary: Sendable {
        public var ran: Int
        public var skipped: Int
        public var statusCounts: [String: Int]
        public var warnings: [String]
        /// Seconds spent writing run files and rebuilding the index.
        public var recordingSeconds: Double
        /// Seconds the run waited at the end for the writer (the part of recording
        /// not overlapped with training).
        public var waitedForRecordingSeconds: Double
        /// Wall-clock seconds of the whole invocation.
        public var elapsedSeconds: Double
    }

    /// The cells of this invocation (the shard's share when sharded).
    public var selectedCells: [Cell] {
        guard let s = shard else { return grid.cells }
        return s.select(grid.cells)
    }

    public func run() throws -> Summary {
        let started = ProcessStats.now()
        let cells = selectedCells
        let datasets = try loadDatasets(cells)
        try validate(cells, datasets)
        let runsDir = resultsDirectory.appendingPathComponent("runs")
        do {
            try FileManager.default.createDirectory(at: runsDir, withIntermediateDirectories: true)
        } catch {
            throw HarnessError.io(path: runsDir.path, reason: error.localizedDescription)
        }
        guard access(runsDir.path, W_OK) == 0 else {
            throw HarnessError.io(path: runsDir.path, reason: "results folder is not writable")
        }
        let lock = try ResultsLock(directory: resultsDirectory, shard: shard)
        let state = SharedRunState()
        defer { withExtendedLifetime(lock) {} }
        // Damaged run files are moved aside before the index is scanned, so it never lists them.
        let pending = try DamagedRuns.pending(cells, runFile: runFile)
        // A shard neither cleans up nor writes the index: other shards, possibly on
        // other machines where a pid means nothing, may be writing the same folder;
        // `bench report` rebuilds the index from the run files.
        if shard == nil {
            StaleTemporaries.remove(in: runsDir)
            state.index = try? ResultsIndex.scan(resultsDir: resultsDirectory)
        }
        let progress = ProgressReporter(total: pending.count, jobs: jobs, quiet: quiet)
        let workers = max(1, min(jobs, pending.count))
        nonisolated(unsafe) let selfCopy = self
        let writer = DispatchQueue(label: "bench.run-file-writer")
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.next(limit: pending.count) {
                let cell = pending[index]
                progress.started()
                let t0 = ProcessStats.now()
                let record = RunExecutor(cell: cell, gridName: selfCopy.grid.name,
                                         dataset: selfCopy.datasetKey(cell).flatMap { datasets[$0] },
                                         threads: selfCopy.threads).execute()
                let status = record.string("status") ?? "?"
                // Recording (HDF5 write, fsync, index update) runs on one serial writer
                // queue, overlapping with the next cell's training.
                writer.async {
                    state.write {
                        let writeStart = ProcessStats.now()
                        defer { state.recordingSeconds += ProcessStats.now() - writeStart }
                        do {
                            let file = selfCopy.runFile(cell)
                            try RunFileWriter.write(record, to: file)
                            state.index?.upsert(record, file: file.lastPathComponent)
                            try state.index?.write(to: selfCopy.resultsDirectory.appendingPathComponent(ResultsIndex.fileName),
                                                   durable: false)
                        } catch {
                            state.errors.append("\(error)")
                        }
                        state.counts[status, default: 0] += 1
                    }
                }
                progress.finished(seconds: ProcessStats.now() - t0,
                                  summary: "\(cell.runId) \(cell.optimizer.shortName) \(cell.model.shortName): \(status)")
            }
        }
        let drainStart = ProcessStats.now()
        writer.sync {}
        if let index = state.index {
            try? index.write(to: resultsDirectory.appendingPathComponent(ResultsIndex.fileName))
        }
        let drainSeconds = ProcessStats.now() - drainStart
        if let first = state.errors.first {
            throw HarnessError.io(path: resultsDirectory.path, reason: "could not write a run file: \(first)")
        }
        let warnings = state.index?.warnings ?? []
        return Summary(ran: pending.count, skipped: cells.count - pending.count, statusCounts: state.counts,
                       warnings: warnings.map(\.description), recordingSeconds: state.recordingSeconds,
                       waitedForRecordingSeconds: drainSeconds, elapsedSeconds: ProcessStats.now() - started)
    }

    /// The final path of a cell's run file.
    public func runFile(_ cell: Cell) -> URL {
        resultsDirectory.appendingPathComponent("runs").appendingPathComponent(cell.runId + ".h5")
    }

    private func datasetKey(_ cell: Cell) -> String? {
        guard let d = cell.dataset else { return nil }
        return d.canonicalName + "#" + (DatasetRegistry.dependsOnSeed(id: d.id) ? String(cell.seed) : "")
    }

    private func loadDatasets(_ cells: [Cell]) throws -> [String: Dataset] {
        var loaded: [String: Dataset] = [:]
        for cell in cells {
            guard let spec = cell.dataset, let key = datasetKey(cell), loaded[key] == nil else { continue }
            do {
                loaded[key] = try DatasetRegistry.load(id: spec.id, params: ParamBridge.dataset(spec.params),
                                                       seed: UInt64(cell.seed), dataRoot: dataRoot)
            } catch {
                throw HarnessError.input("\(grid.sourcePath): dataset \(spec.shortName): \(error)")
            }
        }
        return loaded
    }

    private func validate(_ cells: [Cell], _ datasets: [String: Dataset]) throws {
        for cell in cells {
            do {
                switch cell.train.dtype {
                case .float64: _ = try CellComponents.build(cell, dataset: datasetKey(cell).flatMap { datasets[$0] }, scalar: Double.self)
                default: _ = try CellComponents.build(cell, dataset: datasetKey(cell).flatMap { datasets[$0] }, scalar: Float.self)
                }
            } catch {
                throw HarnessError.input("\(grid.sourcePath): cell \(cell.runId) (\(cell.displayName)): \(error)")
            }
        }
    }
}

/// Work queue and results shared by the worker threads of one grid run.
final class SharedRunState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    var counts: [String: Int] = [:]
    var errors: [String] = []
    var recordingSeconds = 0.0
    /// The results index, kept current as runs finish.
    var index: ResultsIndex?

    func next(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard cursor < limit else { return nil }
        cursor += 1
        return cursor - 1
    }

    /// Runs `body` alone: HDF5 calls and shared counters go through here.
    func write(_ body: () -> Void) {
        lock.lock(); defer { lock.unlock() }
        body()
    }
}
