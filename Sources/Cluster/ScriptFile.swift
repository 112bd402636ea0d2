import Foundation
import Support

/// Writes executable scripts through the shared `AtomicFile`, so a reader
/// (sbatch, a user) sees either the previous file or the complete new one.
public enum ScriptFile {
    /// Writes `text` to `path` (mode 0755 whatever the umask), creating missing
    /// parent folders. On failure the target is untouched and no temporary file remains.
    public static func write(_ text: String, to path: String) throws(ClusterError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard !name.isEmpty else { throw .io(path: path, reason: "not a file path") }
        try createFolder(folder.isEmpty ? "." : folder)
        do {
            try AtomicFile.write(text, to: URL(fileURLWithPath: path), permissions: 0o755)
        } catch {
            throw .io(path: path, reason: String(cString: strerror(error.errno)))
        }
    }

    /// Creates `folder` and its parents when missing.
    public static func createFolder(_ folder: String) throws(ClusterError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder, reason: "cannot create folder (\(error.localizedDescription))")
        }
    }
}
