import Foundation

/// A fresh, empty folder under the system temporary folder, unique per process
/// and call, removed by `remove()`: the one scratch-folder helper of the tests.
public struct TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The folder's path.
    public var path: String { url.path }

    /// Creates the folder; `label` (the calling test by default) only makes
    /// leftovers easier to trace.
    public init(_ label: String = #function) {
        let name = "bench-tests-" + label.filter { $0.isLetter || $0.isNumber }.prefix(40)
            + "-\(ProcessInfo.processInfo.processIdentifier)-" + UUID().uuidString
        url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            preconditionFailure("cannot create \(url.path): \(error)")
        }
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The URL of `name` inside the folder.
    public func fileURL(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The names in the folder, sorted.
    public func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// Deletes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(at: url) }
}
