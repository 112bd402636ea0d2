import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Produces a file so that its final name only ever holds complete content.
///
/// The content is written under a hidden temporary name in the same folder
/// (`.<name>.tmp-<pid>-<token>`), flushed to disk with `fsync`, renamed over the
/// final name (atomic on POSIX file systems), and the folder is synced so that
/// the rename itself survives a crash. A process killed at any point leaves
/// either the previous file or the new one under the final name, plus at worst a
/// stray temporary file that readers ignore.
enum AtomicFile {
    /// The marker between a file name and the writer's identity in temporary names.
    static let temporaryMarker = ".tmp-"

    /// True for names that `produce` uses for unfinished files.
    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(temporaryMarker)
    }

    /// Calls `body` with a temporary path next to `url`, then publishes what it
    /// wrote under `url`. If `body` or publishing throws, the temporary file is
    /// removed, `url` is left as it was, and the error is rethrown.
    /// With `durable: false` the fsyncs are skipped: the rename stays atomic, but
    /// after a power loss the file may be missing or older (for derived files
    /// that can always be rebuilt, such as the results index).
    static func produce(at url: URL, durable: Bool = true, _ body: (URL) throws -> Void) throws {
        // A live object's address is unique in this process; with the pid it
        // keeps concurrent writers (threads or processes) apart.
        let token = UniqueToken()
        let suffix = "\(temporaryMarker)\(getpid())-\(String(UInt(bitPattern: ObjectIdentifier(token)), radix: 16))"
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + suffix)
        do {
            try removeIfPresent(temporary)
            try body(temporary)
            if durable { try syncFile(temporary) }
            try moveIntoPlace(temporary, to: url)
            if durable { try syncDirectory(url.deletingLastPathComponent()) }
        } catch let error as RecordingError {
            _ = unlink(temporary.path)
            // The user knows the final name, not the temporary one.
            throw error.replacingPath(temporary.path, with: url.path)
        } catch {
            _ = unlink(temporary.path)
            throw error
        }
        withExtendedLifetime(token) {}
    }

    /// Writes `bytes` atomically to `url` (see `produce`).
    static func writeBytes(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws {
        try produce(at: url, durable: durable) { temporary in
            let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw fail(temporary, "create") }
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw fail(temporary, "write")
                }
                offset += written
            }
        }
    }

    private final class UniqueToken {}

    private static func fail(_ url: URL, _ operation: String) -> RecordingError {
        .fileSystem(path: url.path, operation: operation, errno: errno)
    }

    private static func removeIfPresent(_ url: URL) throws {
        if unlink(url.path) != 0 && errno != ENOENT { throw fail(url, "remove stale temporary file") }
    }

    private static func syncFile(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw fail(url, "open for fsync") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw fail(url, "fsync") }
    }

    private static func moveIntoPlace(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else { throw fail(to, "rename \(from.lastPathComponent) to final name") }
    }

    private static func syncDirectory(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw fail(url, "open folder for fsync") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw fail(url, "fsync folder") }
    }
}
