import Datasets
import Foundation
import Recording
import GridLanguage

extension GridRunner {
    /// Trains `pending` on `jobs` workers, each taking the next cell from a shared
    /// queue, and hands each finished run to `recorder`.
    func train(_ pending: [Cell], datasets: [String: Dataset], recorder: RunRecorder) {
        let progress = ProgressReporter(cells: pending, jobs: jobs, quiet: quiet)
        let queue = CellQueue(count: pending.count)
        let workers = max(1, min(jobs, pending.count))
        // The workers only read the runner's settings.
        nonisolated(unsafe) let runner = self
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.next() {
                runner.runCell(index, of: pending, datasets: datasets, recorder: recorder, progress: progress)
            }
        }
    }

    /// Trains one cell, queues its run file for writing, and reports it done.
    private func runCell(_ index: Int, of cells: [Cell], datasets: [String: Dataset], recorder: RunRecorder,
                         progress: ProgressReporter) {
        let cell = cells[index]
        progress.started(index)
        let t0 = ProcessStats.now()
        var executor = RunExecutor(cell: cell, gridName: grid.name, dataset: datasetKey(cell).flatMap { datasets[$0] },
                                   threads: threads)
        executor.observer = { progress.stepped(index, $0) }
        let record = executor.execute()
        let status = record.string(RunFileNames.Attribute.status) ?? "?"
        recorder.record(record, to: runFile(cell), status: status)
        progress.finished(index, seconds: ProcessStats.now() - t0, status: status)
    }
}

/// Hands out the indices of a grid run's pending cells, each exactly once, to
/// the worker threads.
final class CellQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var cursor = 0

    /// A queue of the indices `0..<count`.
    init(count: Int) { self.count = count }

    /// The next index, or nil when every cell has been handed out.
    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard cursor < count else { return nil }
        cursor += 1
        return cursor - 1
    }
}
