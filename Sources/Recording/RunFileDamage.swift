/// Why a file under a run file's name cannot be trusted as a run.
public enum RunFileDamage: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a regular file (a FIFO, folder, socket or device); never opened,
    /// since opening a FIFO blocks until a writer appears.
    case notRegular(path: String, kind: String)
    /// HDF5 could not read it (truncated, not HDF5, unexpected layout).
    case unreadable(path: String, reason: String)
    /// It has no `digest` attribute, so its content cannot be checked.
    case noDigest(path: String)
    /// Its content no longer gives the digest stored with it.
    case digestMismatch(path: String, stored: String, computed: String)
    /// A newer bench wrote it (`RunFileSchema`): not damage in the file, but
    /// nothing this build may trust, replace or rerun.
    case newerSchema(path: String, found: String, supported: Int64)

    /// The file at fault.
    public var path: String {
        switch self {
        case .notRegular(let path, _), .unreadable(let path, _), .noDigest(let path),
             .digestMismatch(let path, _, _), .newerSchema(let path, _, _):
            return path
        }
    }

    /// What is wrong, without the path (for tables that name the run already).
    public var reason: String {
        switch self {
        case .notRegular(_, let kind): return "not a regular file (\(kind))"
        case .unreadable(_, let reason): return "unreadable: \(reason)"
        case .noDigest: return "no digest attribute"
        case .digestMismatch(_, let stored, let computed):
            return "content does not match its digest (stored \(stored.prefix(12)), content \(computed.prefix(12)))"
        case .newerSchema(_, let found, let supported):
            return "written by a newer bench (run-file schema version \(found); this bench reads up to \(supported))"
        }
    }

    public var description: String { "\(path): \(reason)" }
}
