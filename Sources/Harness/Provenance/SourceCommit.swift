import Foundation

/// The git commit the running executable was built from, as far as it can be
/// known without a build step of its own.
///
/// SwiftPM runs no scripts at build time short of a build-tool plugin, so the
/// commit is read at run time instead: when the executable sits in a build
/// folder of a checkout (`<checkout>/.build*/...`, which is where `swift build`
/// puts it), the answer is `git rev-parse HEAD` of that checkout, with
/// `-dirty` appended when tracked files differ from it. Caveat: a checkout
/// moved to another commit without rebuilding reports the new commit.
/// `BENCH_SOURCE_COMMIT` overrides the lookup (for installed copies); anything
/// else gives "unknown".
public enum SourceCommit {
    /// The commit of this process's executable, looked up once.
    public static let current: String = {
        if let forced = ProcessInfo.processInfo.environment["BENCH_SOURCE_COMMIT"], !forced.isEmpty { return forced }
        guard let executable = executablePath(), let checkout = checkoutRoot(ofExecutable: executable) else {
            return "unknown"
        }
        return commit(ofCheckout: checkout) ?? "unknown"
    }()

    /// The checkout holding a build folder on the executable's path: the folder
    /// above the last path component named `.build` or `.build-<something>`,
    /// if that folder has a `.git` (a folder, or a file in a worktree).
    static func checkoutRoot(ofExecutable path: String) -> String? {
        let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        guard let i = components.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") }), i > 0 else { return nil }
        let root = NSString.path(withComponents: Array(components[..<i]))
        return FileManager.default.fileExists(atPath: root + "/.git") ? root : nil
    }

    /// `HEAD` of the checkout at `root` (plus `-dirty`), or nil when git is
    /// missing or says no.
    static func commit(ofCheckout root: String) -> String? {
        guard let head = git(["-C", root, "rev-parse", "HEAD"]), head.count == 40 || head.count == 64 else { return nil }
        let changes = git(["-C", root, "status", "--porcelain", "--untracked-files=no"])
        return changes.map { $0.isEmpty ? head : head + "-dirty" } ?? head
    }

    /// The resolved path of this process's executable.
    private static func executablePath() -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return Bundle.main.executablePath
    }

    /// Trimmed standard output of `git ARGS` when it exits 0; nil otherwise.
    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
