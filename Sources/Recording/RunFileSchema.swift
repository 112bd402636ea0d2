/// The version of the run-file format, stored as the root attribute
/// `schema_version`.
///
/// Bump `current` when a change would make older readers misread a file
/// (a renamed or reinterpreted attribute or dataset). Adding attributes does
/// not need a bump: readers ignore what they do not know. Files written
/// before the attribute existed are version 1 and stay readable; a file from a
/// newer version is refused, because this reader cannot know what changed.
public enum RunFileSchema {
    /// The version this build writes and the newest it reads.
    /// Version 2 added provenance attributes (versions, commit, host, times).
    public static let current: Int64 = 2

    /// The version a file with these root attributes declares; 1 when it has none.
    public static func version(of attributes: [String: AttributeValue]) -> Int64 {
        if case .int(let v)? = attributes[RunFileNames.Attribute.schemaVersion] { return v }
        return 1
    }

    /// Throws `RecordingError.newerSchema` when `attributes` come from a newer
    /// format than this build reads (or declare a version that is not an integer).
    static func requireReadable(_ attributes: [String: AttributeValue], file: String) throws(RecordingError) {
        switch attributes[RunFileNames.Attribute.schemaVersion] {
        case nil: return
        case .int(let v)? where v <= current: return
        case .int(let v)?: throw .newerSchema(file: file, found: "\(v)", supported: current)
        case .string(let s)?: throw .newerSchema(file: file, found: "'\(s)'", supported: current)
        case .double(let d)?: throw .newerSchema(file: file, found: "\(d)", supported: current)
        }
    }
}
