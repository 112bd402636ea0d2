import Foundation

/// Writes executable scripts so that a reader sees either the previous file or
/// the complete new one, never a partial write: the text goes to a temporary
/// file in the same folder, is flushed to disk, made executable, and renamed
/// over the target (rename(2) is atomic within one file system).
public enum ScriptFile {
    /// Writes `text` to `path` (mode 0755), creating missing parent folders.
    /// On failure the target is untouched and no temporary file remains.
    public static func write(_ text: String, to path: String) throws(ClusterError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard !name.isEmpty else { throw .io(path: path, reason: "not a file path") }
        try createFolder(folder.isEmpty ? "." : folder)
        var template = Array((folder.isEmpty ? "." : folder).utf8CString.dropLast())
            + Array("/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .io(path: path, reason: lastError()) }
        // Children spawned meanwhile must not keep the file open for writing.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        let bytes = Array(text.utf8)
        var written = 0
        while failure == nil && written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno != EINTR { failure = lastError() } } else { written += n }
        }
        if failure == nil && fchmod(fd, 0o755) != 0 { failure = lastError() }
        if failure == nil && fsync(fd) != 0 { failure = lastError() }
        if close(fd) != 0 && failure == nil { failure = lastError() }
        if failure == nil && rename(temporary, path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary)
            throw .io(path: path, reason: failure)
        }
        syncFolder(folder.isEmpty ? "." : folder)
    }

    /// Creates `folder` and its parents when missing.
    public static func createFolder(_ folder: String) throws(ClusterError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder, reason: "cannot create folder (\(error.localizedDescription))")
        }
    }

    /// Makes the rename durable; a failure here loses nothing already visible.
    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// write(2), reachable under another name inside `ScriptFile`, whose own
/// `write` would shadow it.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}
