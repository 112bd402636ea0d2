import Foundation

/// What a finished child process left: exit status (128 + signal number when
/// killed by a signal, as shells report it) and its two output streams.
struct ProcessOutput: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs one command to completion and collects its output. Both pipes are
/// drained at once (stderr on its own thread) so a child that fills one
/// pipe's buffer while we read the other can never deadlock.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String],
                    environment: [String: String]) throws(ClusterError) -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ClusterError.io(path: executable, reason: "cannot start (\(error.localizedDescription))")
        }
        let errorText = Collected()
        let reader = err.fileHandleForReading
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errorText.data = reader.readDataToEndOfFile()
            done.signal()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus
                                                                  : process.terminationStatus
        return ProcessOutput(status: status,
                             stdout: String(decoding: outputData, as: UTF8.self),
                             stderr: String(decoding: errorText.data, as: UTF8.self))
    }
}

/// Bytes handed from the reader thread to the caller; the semaphore in
/// `ProcessRunner.run` orders the one write before the one read.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
