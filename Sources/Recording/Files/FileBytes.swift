import Foundation
import Support

/// Writes bytes to a new file with plain system calls, so every failure (a full
/// disk, a read-only folder) is reported with its path and errno.
enum FileBytes {
    /// Creates `url` (which must not exist) holding `bytes`; errors name
    /// `reportedPath` (the final name the user knows, not a temporary one).
    static func write(_ bytes: [UInt8], to url: URL, reportedPath: String) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: reportedPath, operation: "create", errno: errno) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = FileWriteError(path: reportedPath, operation: "write", errno: n < 0 ? errno : ENOSPC)
                close(fd)
                throw error
            }
            written += n
        }
        guard close(fd) == 0 else { throw FileWriteError(path: reportedPath, operation: "close", errno: errno) }
    }
}
