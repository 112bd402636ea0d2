#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system call that failed while `AtomicFile` was producing a file.
///
/// `path` is the final name the caller asked for (never the temporary one, which
/// a user never sees), so modules can turn it into their own error as is.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The final path of the file being written.
    public var path: String
    /// What was being done, e.g. `"fsync"` or `"rename to final name"`.
    public var operation: String
    /// The C error number of the failed call.
    public var errno: Int32

    /// Makes the error for `operation` on `path` failing with `errno`.
    public init(path: String, operation: String, errno: Int32) {
        self.path = path
        self.operation = operation
        self.errno = errno
    }

    /// The operation and the system's text for `errno`, without the path.
    public var reason: String { "\(operation) failed: \(String(cString: strerror(errno)))" }

    public var description: String { "\(path): \(reason) (errno \(errno))" }
}
