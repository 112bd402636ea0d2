import Foundation
import Recording
import GridLanguage

/// The result bookkeeping of one grid run: writes each finished run's file, keeps
/// the results index current, and counts statuses, errors and recording time.
///
/// Recording (HDF5 write, fsync, index update) runs on one serial queue, so HDF5
/// calls never overlap and writing a run overlaps the next cell's training.
final class RunRecorder: @unchecked Sendable {
    private let queue = DispatchQueue(label: "bench.run-file-writer")
    private let lock = NSLock()
    private let indexFile: URL
    /// Finished runs per status.
    private(set) var counts: [String: Int] = [:]
    /// Run files or index writes that failed.
    private(set) var errors: [String] = []
    /// Seconds spent writing run files and rebuilding the index.
    private(set) var recordingSeconds = 0.0
    /// The results index, kept current as runs finish; nil when this run keeps none (a shard).
    var index: ResultsIndex?

    /// A recorder whose index, if any, is written to `indexFile`.
    init(indexFile: URL) { self.indexFile = indexFile }

    /// Queues `record` (whose status is `status`) to be written to `file`; returns at once.
    func record(_ record: RunRecord, to file: URL, status: String) {
        queue.async {
            self.lock.lock(); defer { self.lock.unlock() }
            let writeStart = ProcessStats.now()
            defer { self.recordingSeconds += ProcessStats.now() - writeStart }
            do {
                try RunFileWriter.write(record, to: file)
                self.index?.upsert(record, file: file.lastPathComponent)
                try self.index?.write(to: self.indexFile, durable: false)
            } catch {
                self.errors.append("\(error)")
            }
            self.counts[status, default: 0] += 1
        }
    }

    /// Waits for queued writes, then writes the index durably once; returns the
    /// seconds this took (the part of recording not overlapped with training).
    func finish() -> Double {
        let drainStart = ProcessStats.now()
        queue.sync {}
        if let index {
            try? index.write(to: indexFile)
        }
        return ProcessStats.now() - drainStart
    }
}
