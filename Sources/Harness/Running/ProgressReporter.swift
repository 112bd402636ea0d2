import Foundation
import GridLanguage

/// The progress output of `bench run` on standard error.
///
/// On a terminal it is one line redrawn in place: cells done/total, the ETA,
/// and the cell that last moved (step i/N, last batch objective, steps per
/// second, then its seed, optimizer, regularizer, model and data set). Elsewhere (CI
/// logs) it prints plain lines: one when a cell finishes, and for cells that
/// run longer than `firstReportAfter` seconds one every `plainInterval`
/// seconds. `quiet` prints nothing. The ETA comes from `CellTimeModel`, which
/// learns from finished cells.
public final class ProgressReporter: @unchecked Sendable {
    /// A running cell.
    private struct Live {
        var started: Double
        var progress: StepProgress?
        var lastPlainLine: Double
    }

    private let cells: [Cell]
    private let jobs: Int
    private let interactive: Bool
    private let quiet: Bool
    private let clock: () -> Double
    private let write: (String) -> Void
    private let start: Double
    private let lock = NSLock()
    private var done = 0
    /// Expected cost of the cells not finished, by `CellTimeModel.key`.
    private var pendingCost: [String: Double] = [:]
    private var live: [Int: Live] = [:]
    private var times = CellTimeModel()
    private var lastDraw = -Double.infinity
    /// Seconds a cell runs before its in-run progress shows.
    let firstReportAfter = 3.0
    /// Seconds between plain in-run lines of one cell.
    let plainInterval = 10.0
    /// Seconds between redraws of the terminal line.
    let drawInterval = 0.2

    /// A reporter for `cells` run on `jobs` workers. `interactive` defaults to
    /// whether standard error is a terminal; `write` and `clock` are replaceable for tests.
    init(cells: [Cell], jobs: Int, quiet: Bool = false, interactive: Bool? = nil,
                clock: @escaping () -> Double = ProcessStats.now,
                write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.cells = cells
        self.jobs = max(1, jobs)
        self.quiet = quiet
        self.interactive = interactive ?? (isatty(STDERR_FILENO) == 1)
        self.clock = clock
        self.write = write
        start = clock()
        for cell in cells { pendingCost[CellTimeModel.key(cell), default: 0] += cell.expectedCost }
    }

    /// Cell `index` started.
    public func started(_ index: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = clock()
        live[index] = Live(started: now, progress: nil, lastPlainLine: now)
    }

    /// Cell `index` finished a step. Cheap when nothing is due, as it runs after every step.
    public func stepped(_ index: Int, _ progress: StepProgress) {
        lock.lock(); defer { lock.unlock() }
        guard !quiet, var cell = live[index] else { return }
        cell.progress = progress
        let now = clock()
        defer { live[index] = cell }
        guard now - cell.started >= firstReportAfter else { return }
        if interactive {
            guard now - lastDraw >= drawInterval else { return }
            lastDraw = now
            draw(status(now, compact: true) + " | " + describe(index, cell, now))
        } else if now - cell.lastPlainLine >= plainInterval {
            cell.lastPlainLine = now
            write(status(now) + "  " + describe(index, cell, now) + "\n")
        }
    }

    /// Cell `index` finished after `seconds` with `status`.
    public func finished(_ index: Int, seconds: Double, status runStatus: String) {
        lock.lock(); defer { lock.unlock() }
        let p = live.removeValue(forKey: index)?.progress
        done += 1
        pendingCost[CellTimeModel.key(cells[index]), default: 0] -= cells[index].expectedCost
        let fraction = p.map { $0.totalSteps > 0 ? Double($0.step) / Double($0.totalSteps) : 1 } ?? 1
        times.learn(cells[index], seconds: seconds, fraction: fraction)
        guard !quiet else { return }
        let now = clock()
        let line = status(now)
        if interactive {
            draw(line)
            if done == cells.count { write("\n") }
        } else {
            write("\(line)  \(cells[index].runId) \(cells[index].displayName): \(runStatus)\n")
        }
    }

    /// `[done/total] running R  elapsed E  eta T`, or `[done/total] E eta T`
    /// when `compact` (the terminal line, which has a cell's progress to fit).
    private func status(_ now: Double, compact: Bool = false) -> String {
        var remaining = pendingCost
        for (i, cell) in live {
            guard let p = cell.progress, p.totalSteps > 0 else { continue }
            remaining[CellTimeModel.key(cells[i]), default: 0] -= cells[i].expectedCost * min(1, Double(p.step) / Double(p.totalSteps))
        }
        let eta = times.remainingSeconds(remaining, cells: cells.count - done, jobs: jobs, fallbackRate: liveRate(now))
            .map(Self.format) ?? "?"
        if compact { return "[\(done)/\(cells.count)] \(Self.format(now - start)) eta \(eta)" }
        return "[\(done)/\(cells.count)] running \(live.count)  elapsed \(Self.format(now - start))  eta \(eta)"
    }

    /// Seconds per cost unit shown by the running cells so far (before any finished).
    private func liveRate(_ now: Double) -> Double? {
        var seconds = 0.0, units = 0.0
        for (i, cell) in live {
            guard let p = cell.progress, p.step > 0, p.totalSteps > 0 else { continue }
            seconds += now - cell.started
            units += cells[i].expectedCost * Double(p.step) / Double(p.totalSteps)
        }
        return units > 0 ? seconds / units : nil
    }

    /// `step 120/200  loss 0.341  85.3 steps/s  seed 1 adam l2 mlp digits`: the
    /// numbers first and the seed before the names, so a line cut to the
    /// terminal's width keeps what changes.
    private func describe(_ index: Int, _ cell: Live, _ now: Double) -> String {
        let c = cells[index]
        let label = "seed \(c.seed) \(c.optimizer.shortName) \(c.regularizerName) \(c.model.shortName)"
            + (c.dataset.map { " " + $0.shortName } ?? "")
        guard let p = cell.progress else { return label }
        let rate = Double(p.step) / max(now - cell.started, 1e-9)
        return "step \(p.step)/\(p.totalSteps) loss " + String(format: "%.4g", p.objective)
            + String(format: " %.1f steps/s ", rate) + label
    }

    /// Redraws the terminal line, cut to the terminal's width so it never wraps.
    private func draw(_ line: String) {
        write("\r\u{1B}[2K" + String(line.prefix(max(20, TerminalWidth.columns() - 1))))
    }

    /// `m:ss` or `h:mm:ss`.
    static func format(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) }
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
