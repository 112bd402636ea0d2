import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry names of a folder, with the C library's error number on failure.
enum FolderListing {
    /// The names in `url` (without `.` and `..`), sorted by their UTF-8 bytes.
    static func names(in url: URL) throws -> [String] {
        guard let folder = opendir(url.path) else {
            throw RecordingError.fileSystem(path: url.path, operation: "open folder", errno: errno)
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted(by: RunFileLayout.utf8Less)
    }

    /// True if `url` names an existing folder.
    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
