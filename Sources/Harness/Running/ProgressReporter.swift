import Foundation
import GridLanguage

/// The live progress line of `bench run`: cells done/total, running cells,
/// elapsed time and an ETA from the mean time per finished cell and the number of
/// parallel jobs. Redraws in place on a terminal; when stderr is not a terminal it
/// prints one plain line per finished cell (readable CI logs) unless `quiet`.
public final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let jobs: Int
    private let interactive: Bool
    private let quiet: Bool
    private let start = ProcessStats.now()
    private let lock = NSLock()
    private var done = 0
    private var running = 0
    private var busySeconds = 0.0

    public init(total: Int, jobs: Int, quiet: Bool = false) {
        self.total = total
        self.jobs = max(1, jobs)
        self.quiet = quiet
        self.interactive = isatty(STDERR_FILENO) == 1
    }

    /// A cell started.
    public func started() {
        lock.lock(); running += 1; lock.unlock()
        redraw()
    }

    /// A cell finished after `seconds`, with a short description of its outcome.
    public func finished(seconds: Double, summary: String) {
        lock.lock()
        running -= 1; done += 1; busySeconds += seconds
        let line = status()
        lock.unlock()
        if quiet { return }
        if interactive {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            FileHandle.standardError.write(Data("\(line)  \(summary)\n".utf8))
        }
    }

    private func redraw() {
        guard interactive, !quiet else { return }
        lock.lock(); let line = status(); lock.unlock()
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    }

    private func status() -> String {
        let elapsed = ProcessStats.now() - start
        var eta = "?"
        if done > 0 {
            let perCell = busySeconds / Double(done)
            eta = Self.format(perCell * Double(total - done) / Double(min(jobs, max(1, total - done))))
        }
        return "[\(done)/\(total)] running \(running)  elapsed \(Self.format(elapsed))  eta \(eta)"
    }

    /// `m:ss` or `h:mm:ss`.
    static func format(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
