import Support

/// Why reading or writing a run file (or a results index) failed.
///
/// Every case names the file it concerns, so a message can be shown to a user as
/// is; `description` gives that message.
public enum RecordingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An HDF5 call failed. `object` is the path inside the file (attributes as
    /// `/group@name`), `operation` says what was being done and `detail` carries
    /// HDF5's own description of the failure.
    case hdf5(file: String, object: String, operation: String, detail: String)
    /// The record cannot be stored as a run file (a curve whose length differs
    /// from the steps, a tensor whose shape does not match its elements, a name
    /// HDF5 cannot hold, ...). Nothing is written.
    case invalidRecord(file: String, reason: String)
    /// The file is valid HDF5 but holds something a run file never does (an
    /// element type or attribute shape this reader does not map).
    case unsupportedContent(file: String, object: String, reason: String)
    /// A file-system call failed; `errno` is the C error number.
    case fileSystem(path: String, operation: String, errno: Int32)
    /// The run file declares a `schema_version` newer than this build reads
    /// (`RunFileSchema.current`): it was written by a newer bench.
    case newerSchema(file: String, found: String, supported: Int64)

    public var description: String {
        switch self {
        case let .hdf5(file, object, operation, detail):
            let what = detail.isEmpty ? "" : ": \(detail)"
            return "\(file): HDF5 could not \(operation) (\(object))\(what)"
        case let .invalidRecord(file, reason):
            return "\(file): cannot write run file: \(reason)"
        case let .unsupportedContent(file, object, reason):
            return "\(file): unsupported content at \(object): \(reason)"
        case let .fileSystem(path, operation, errno):
            return "\(path): \(operation) failed: \(SystemErrorText.message(errno)) (errno \(errno))"
        case let .newerSchema(file, found, supported):
            return "\(file): run-file schema version \(found) is newer than this bench reads (up to \(supported)); "
                + "use a newer bench to read it"
        }
    }

    /// The failure of an atomic write, as the file-system error it is.
    init(_ error: FileWriteError) {
        self = .fileSystem(path: error.path, operation: error.operation, errno: error.errno)
    }

    /// The same error with the file path `old` replaced by `new`.
    func replacingPath(_ old: String, with new: String) -> RecordingError {
        func swap(_ path: String) -> String { path == old ? new : path }
        switch self {
        case let .hdf5(file, object, operation, detail):
            return .hdf5(file: swap(file), object: object, operation: operation, detail: detail)
        case let .invalidRecord(file, reason):
            return .invalidRecord(file: swap(file), reason: reason)
        case let .unsupportedContent(file, object, reason):
            return .unsupportedContent(file: swap(file), object: object, reason: reason)
        case let .fileSystem(path, operation, errno):
            return .fileSystem(path: swap(path), operation: operation, errno: errno)
        case let .newerSchema(file, found, supported):
            return .newerSchema(file: swap(file), found: found, supported: supported)
        }
    }
}
