import Support
import Foundation
import Testing
@testable import GridLanguage
@testable import Harness

/// Writes grid texts (and data files) into a fresh temporary folder.
struct GridScratch {
    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "grid-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Writes and loads a grid file.
    func load(_ text: String, name: String = "grid.yaml") throws(GridError) -> Grid {
        try GridFile.load(path: write(name, text))
    }
}

/// Parses grid text under the display path `x.yaml`, with relative data
/// paths resolving to a fresh empty folder.
func parseGrid(_ text: String) throws(GridError) -> Grid {
    try GridFile.parse(text: text, path: "x.yaml", baseDirectory: GridScratch().folder)
}

/// The error a grid text gives, or nil when it loads.
func gridError(_ text: String) -> GridError? {
    do {
        _ = try parseGrid(text)
        return nil
    } catch {
        return error
    }
}
