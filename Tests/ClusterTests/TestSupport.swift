import Foundation
@testable import Cluster
import TestSupport

/// Runs a command and returns (status, stdout).
func shell(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe()
    p.standardOutput = out
    try! p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Options with absolute, harmless paths, the base of most tests.
func sampleOptions(tasks: Int = 3) -> SlurmOptions {
    SlurmOptions(gridPath: "/home/ana/exp/quick.yaml", benchExecutable: "/opt/bench/bin/bench", tasks: tasks,
                 resultsDirectory: "/scratch/ana/results/quick", workingDirectory: "/home/ana/exp")
}

/// The `ClusterError` thrown by `body`, or nil when it returned. (The API
/// declares typed throws; closures here are untyped because typed-throws
/// inference does not reach through `#expect`.)
func thrownError(_ body: () throws -> Void) -> ClusterError? {
    do { try body(); return nil } catch let error as ClusterError { return error } catch {
        preconditionFailure("untyped error \(error)")
    }
}

/// Writes an executable file through a close-on-exec descriptor. Tests run in
/// parallel: a descriptor open for writing that leaks into a child spawned by
/// another test would make exec of this file fail with ETXTBSY.
func writeExecutable(_ path: String, _ text: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    precondition(fd >= 0, "cannot create \(path)")
    let bytes = Array(text.utf8)
    precondition(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count)
    close(fd)
}
