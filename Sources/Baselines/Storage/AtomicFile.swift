#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Replaces a file all at once: the bytes go to a temporary file in the same
/// folder, which is flushed to disk (`fsync`), renamed over the target
/// (`rename(2)` is atomic within a file system), and the folder is flushed so
/// the rename itself survives a crash. A reader sees either the old file or
/// the new one, never a half-written one.
enum AtomicFile {
    /// Writes `bytes` to `path`, replacing any file there.
    static func write(_ bytes: [UInt8], to path: String) throws(BaselineError) {
        let folder = parentFolder(of: path)
        let temporary = folder + "/." + lastComponent(of: path) + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create \(temporary)") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                posixWrite(fd, raw.baseAddress! + written, raw.count - written)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = failure(path, "write failed")
                close(fd); unlink(temporary)
                throw error
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            let error = failure(path, "fsync failed")
            close(fd); unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "rename from \(temporary) failed")
            unlink(temporary)
            throw error
        }
        let dirFd = open(folder, O_RDONLY)
        if dirFd >= 0 {
            _ = fsync(dirFd)
            close(dirFd)
        }
    }

    private static func failure(_ path: String, _ what: String) -> BaselineError {
        .writeFailed(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    private static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
