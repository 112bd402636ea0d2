import Foundation

/// Reads whole data files, transparently decompressing gzip.
enum DataFile {
    /// `path` as a URL: absolute paths as given, relative ones below `dataRoot`.
    static func resolve(_ path: String, dataRoot: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return dataRoot.appendingPathComponent(path)
    }

    /// The bytes of the file at `url`, decompressed when it is gzip (detected by its magic number).
    static func read(_ url: URL) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DatasetError.fileNotFound(path: url.path)
        }
        if isDirectory.boolValue {
            throw DatasetError.unreadableFile(path: url.path, reason: "is a directory")
        }
        let raw: [UInt8]
        do {
            raw = [UInt8](try Data(contentsOf: url))
        } catch {
            throw DatasetError.unreadableFile(path: url.path, reason: "\(error.localizedDescription)")
        }
        return Gunzip.isGzip(raw) ? try Gunzip.decompress(fileAt: url) : raw
    }
}
