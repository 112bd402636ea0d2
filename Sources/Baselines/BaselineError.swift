/// What can go wrong when making, storing, reading or checking a baseline.
///
/// Every case is a problem with the input or the environment rather than a
/// regression, so a command line maps all of them to exit status 2
/// (`exitCode`), keeping them apart from a regression (status 1).
public enum BaselineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The baseline folder does not exist.
    case missingFolder(path: String)
    /// The path exists but is not a folder.
    case notAFolder(path: String)
    /// A file the baseline needs is not in the folder.
    case missingFile(path: String)
    /// A file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// A file is not valid JSON or does not have the expected content.
    case corrupt(path: String, reason: String)
    /// The file was written with a schema version this code does not read.
    case unsupportedSchema(path: String, found: String, supported: Int)
    /// Writing the baseline failed.
    case writeFailed(path: String, reason: String)
    /// A run record cannot go into a baseline or be checked (no `run_id`,
    /// duplicate `run_id`, curves of the wrong length).
    case invalidRecord(reason: String)
    /// A tolerance specification could not be parsed.
    case badTolerance(spec: String, reason: String)

    /// The exit status a command line should use for this error.
    public var exitCode: Int32 { 2 }

    /// A one-line message naming the path or the input at fault.
    public var description: String {
        switch self {
        case .missingFolder(let path):
            return "baseline folder \(path) does not exist"
        case .notAFolder(let path):
            return "baseline path \(path) is not a folder"
        case .missingFile(let path):
            return "baseline file \(path) is missing"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .corrupt(let path, let reason):
            return "\(path) is not a valid baseline: \(reason)"
        case .unsupportedSchema(let path, let found, let supported):
            return "\(path) has schema version \(found), but this version of bench reads schema version \(supported)"
                + " (store the baseline again with --regen)"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .invalidRecord(let reason):
            return "invalid run record: \(reason)"
        case .badTolerance(let spec, let reason):
            return "bad tolerance \"\(spec)\": \(reason)"
                + " (expected e.g. val_loss=rtol:1e-3,atol:1e-6 or rtol:1e-5 for the default)"
        }
    }
}
