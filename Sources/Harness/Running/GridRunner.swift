import Foundation
import Recording
import GridLanguage

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
    /// The most memory one cell may be estimated to need (checked again once the
    /// data sets are loaded and their sizes known).
    public var memoryLimit: MemoryLimit = .default

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

    /// Runs the pending cells: checks every cell, takes the results folder's lock,
    /// trains what has no run file yet and records each run as it finishes.
    public func run() throws -> Summary {
        let started = ProcessStats.now()
        let cells = selectedCells
        let datasets = try loadDatasets(cells)
        try validate(cells, datasets)
        let runsDir = try prepareRunsDirectory()
        let lock = try ResultsLock(directory: resultsDirectory, shard: shard)
        let recorder = RunRecorder(indexFile: layout.indexFile)
        defer { withExtendedLifetime(lock) {} }
        // Damaged run files are moved aside before the index is scanned, so it never lists them.
        let pending = try DamagedRuns.pending(cells, runFile: runFile)
        // A shard neither cleans up nor writes the index: other shards, possibly on
        // other machines where a pid means nothing, may be writing the same folder;
        // `bench report` rebuilds the index from the run files.
        if shard == nil {
            StaleTemporaries.remove(in: runsDir)
            recorder.index = try? ResultsIndex.scan(resultsDir: resultsDirectory)
        }
        train(pending, datasets: datasets, recorder: recorder)
        let drainSeconds = recorder.finish()
        if let first = recorder.errors.first {
            throw HarnessError.io(path: resultsDirectory.path, reason: "could not write a run file: \(first)")
        }
        let warnings = recorder.index?.warnings ?? []
        return Summary(ran: pending.count, skipped: cells.count - pending.count, statusCounts: recorder.counts,
                       warnings: warnings.map(\.description), recordingSeconds: recorder.recordingSeconds,
                       waitedForRecordingSeconds: drainSeconds, elapsedSeconds: ProcessStats.now() - started)
    }

    /// Where this runner's results folder keeps its files.
    var layout: ResultsLayout { ResultsLayout(directory: resultsDirectory) }

    /// The final path of a cell's run file.
    public func runFile(_ cell: Cell) -> URL {
        layout.runFile(runID: cell.runId)
    }
}
