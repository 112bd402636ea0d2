import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Produces a file so that its final name only ever holds complete content:
/// the one implementation of write-temporary-then-rename used for run files,
/// the results index, baselines, Slurm scripts and report files.
///
/// The content is written under a hidden temporary name in the same folder
/// (`.<name>.tmp-<pid>-<uuid>`, unique per process and per call, so concurrent
/// writers in threads or processes never share one), flushed to disk with
/// `fsync`, renamed over the final name (atomic within a POSIX file system), and
/// the folder is synced so that the rename itself survives a crash. A process
/// killed at any point leaves either the previous file or the new one under the
/// final name, plus at worst a stray temporary file that `isTemporaryName`
/// recognises.
public enum AtomicFile {
    /// The marker between a file name and the writer's identity in temporary names.
    public static let temporaryMarker = ".tmp-"

    /// True for names that `produce` uses for unfinished files.
    public static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(temporaryMarker)
    }

    /// A fresh temporary path next to `url`, unique per process and per call.
    public static func temporaryURL(for url: URL) -> URL {
        let token = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let name = "." + url.lastPathComponent + temporaryMarker + "\(getpid())-" + token
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Calls `body` with a temporary path next to `url`, then publishes what it
    /// wrote under `url`. If `body` or publishing throws, the temporary file is
    /// removed, `url` is left as it was, and the error is rethrown (`body`'s own
    /// errors unchanged, file-system failures as `FileWriteError`).
    ///
    /// With `durable: false` the fsyncs are skipped: the rename stays atomic, but
    /// after a power loss the file may be missing or older (for derived files
    /// that can always be rebuilt, such as the results index).
    public static func produce(at url: URL, durable: Bool = true, _ body: (URL) throws -> Void) throws {
        let temporary = temporaryURL(for: url)
        func fail(_ operation: String) -> FileWriteError {
            FileWriteError(path: url.path, operation: operation, errno: errno)
        }
        do {
            try body(temporary)
            if durable {
                let fd = open(temporary.path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw fail("open for fsync") }
                let synced = fsync(fd) == 0
                let error = fail("fsync")
                close(fd)
                guard synced else { throw error }
            }
            guard rename(temporary.path, url.path) == 0 else { throw fail("rename to final name") }
        } catch {
            _ = unlink(temporary.path)
            throw error
        }
        if durable { try syncFolder(url.deletingLastPathComponent(), finalPath: url.path) }
    }

    /// Writes `bytes` atomically to `url` (see `produce`). Without `permissions`
    /// the file is created with mode 0644 less the umask; with them it gets
    /// exactly those bits (scripts need 0755 whatever the umask).
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true,
                             permissions: mode_t? = nil) throws(FileWriteError) {
        do {
            try produce(at: url, durable: durable) { temporary in
                try writeContent(bytes, to: temporary, finalPath: url.path, permissions: permissions)
            }
        } catch let error as FileWriteError {
            throw error
        } catch {
            throw FileWriteError(path: url.path, operation: "write (\(error))", errno: 0)
        }
    }

    /// Writes `text` as UTF-8 atomically to `url` (see `write(_:to:durable:permissions:)`).
    public static func write(_ text: String, to url: URL, durable: Bool = true,
                             permissions: mode_t? = nil) throws(FileWriteError) {
        try write(Array(text.utf8), to: url, durable: durable, permissions: permissions)
    }

    private static func writeContent(_ bytes: [UInt8], to temporary: URL, finalPath: String,
                                     permissions: mode_t?) throws(FileWriteError) {
        func fail(_ operation: String) -> FileWriteError {
            FileWriteError(path: finalPath, operation: operation, errno: errno)
        }
        // O_CLOEXEC: children spawned meanwhile must not keep the file open for writing.
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("create temporary file") }
        defer { close(fd) }
        if let permissions, fchmod(fd, permissions) != 0 { throw fail("set permissions") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw fail("write")
            }
            offset += written
        }
    }

    private static func syncFolder(_ folder: URL, finalPath: String) throws(FileWriteError) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileWriteError(path: finalPath, operation: "open folder for fsync", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileWriteError(path: finalPath, operation: "fsync folder", errno: errno) }
    }
}

/// write(2) under a name that `AtomicFile.write` does not shadow.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}
