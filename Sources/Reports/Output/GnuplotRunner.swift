import Dispatch
import Foundation

/// Runs gnuplot on script files, at most two processes at a time.
///
/// Each figure runs as `gnuplot -c NAME.gp TITLE` with the figures folder as
/// working directory, without a shell: the title is an argument value, never
/// code, and every file name in the script is a slug relative to that folder.
struct GnuplotRunner: Sendable {
    let executable: URL

    /// Finds gnuplot: `explicitPath` when given, else the first `gnuplot` on `PATH`.
    static func locate(explicitPath: String?, environment: [String: String]) throws(ReportError) -> GnuplotRunner {
        let fm = FileManager.default
        if let path = explicitPath {
            guard fm.isExecutableFile(atPath: path) else { throw .gnuplotNotFound(searched: [path]) }
            return GnuplotRunner(executable: URL(fileURLWithPath: path))
        }
        let dirs = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        var searched: [String] = []
        for dir in dirs where !dir.isEmpty {
            let candidate = (dir as NSString).appendingPathComponent("gnuplot")
            searched.append(candidate)
            if fm.isExecutableFile(atPath: candidate) { return GnuplotRunner(executable: URL(fileURLWithPath: candidate)) }
        }
        throw .gnuplotNotFound(searched: searched)
    }

    /// Runs `NAME.gp` in `directory` for each job (name, title) and returns the
    /// failures by job name, each carrying gnuplot's own message. One failing
    /// figure does not stop the others.
    func run(jobs: [(name: String, title: String)], in directory: URL, maxConcurrent: Int = 2) -> [String: ReportError] {
        let results = ResultBox(count: jobs.count)
        let workers = max(1, min(maxConcurrent, jobs.count))
        let exe = executable
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < jobs.count {
                results.set(i, GnuplotRunner.runOne(executable: exe, name: jobs[i].name, title: jobs[i].title,
                                                    directory: directory))
                i += workers
            }
        }
        var failures: [String: ReportError] = [:]
        for i in jobs.indices { if let error = results.get(i) { failures[jobs[i].name] = error } }
        return failures
    }

    private static func runOne(executable: URL, name: String, title: String, directory: URL) -> ReportError? {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-c", "\(name).gp", TextEscaping.gnuplotArgument(title)]
        process.currentDirectoryURL = directory
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .gnuplotFailed(script: "\(name).gp", status: -1, message: "could not start \(executable.path): \(error)")
        }
        let message = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .gnuplotFailed(script: "\(name).gp", status: process.terminationStatus, message: text)
        }
        return nil
    }
}

/// Per-job results written from the worker threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [ReportError?]
    init(count: Int) { errors = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ e: ReportError?) { lock.lock(); errors[i] = e; lock.unlock() }
    func get(_ i: Int) -> ReportError? { lock.lock(); defer { lock.unlock() }; return errors[i] }
}
