import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads run files only when they can be trusted: a regular file whose content
/// still gives the digest stored in it (`RunDigest`).
///
/// Everything that trusts results (checks, reports, baselines, resuming a
/// grid) reads through here, so a changed value, flipped tensor bytes, a
/// deleted group, a reshaped dataset or a truncated file is damage, never a
/// run.
public enum VerifiedRunFile {
    /// The run in the file at `url`, or the damage that disqualifies it.
    public static func read(_ url: URL) throws(RunFileDamage) -> RunRecord {
        if let kind = nonRegularKind(url) { throw .notRegular(path: url.path, kind: kind) }
        let record: RunRecord
        do { record = try RunFileReader.read(url) } catch RecordingError.newerSchema(_, let found, let supported) {
            throw .newerSchema(path: url.path, found: found, supported: supported)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
        guard let stored = record.string("digest") else { throw .noDigest(path: url.path) }
        let computed = RunDigest.compute(record)
        guard stored == computed else { throw .digestMismatch(path: url.path, stored: stored, computed: computed) }
        return record
    }

    /// nil for a regular file (following symbolic links); otherwise what it is.
    /// Uses `stat`, which never opens the file, so a FIFO cannot block.
    public static func nonRegularKind(_ url: URL) -> String? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return "missing or inaccessible" }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a FIFO"
        case S_IFDIR: return "a folder"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }
}
