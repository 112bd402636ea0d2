import Foundation
import Recording
import GridLanguage

/// Shared plumbing of the command-line tool: locating grids, data and output
/// folders, and turning lower-level errors into user-facing ones.
public enum CommandSupport {
    /// Loads and validates a grid file; every problem becomes `HarnessError.input`.
    /// A grid of more than `maxCells` cells is refused before it is expanded, and
    /// one whose cells are estimated to need more than `maxMemory` is refused too.
    public static func loadGrid(_ path: String, maxCells: Int = GridSize.defaultMaxCells,
                                maxMemory: MemoryLimit = .default) throws -> Grid {
        guard FileManager.default.fileExists(atPath: path) else {
            throw HarnessError.input("\(path): no such grid file")
        }
        guard maxCells >= 1 else { throw HarnessError.input("--max-cells must be at least 1, got \(maxCells)") }
        do {
            let grid = try GridFile.load(path: path, maxCells: maxCells)
            try MemoryCheck.check(grid, limit: maxMemory)
            return grid
        } catch {
            throw HarnessError.input("\(error)")
        }
    }

    /// `--results` or `results/<grid name>`.
    public static func resultsURL(_ option: String?, grid: Grid) -> URL {
        option.map { URL(fileURLWithPath: $0) } ?? ResultsLayout(grid: grid.name).directory
    }

    /// `--out` or `reports/<grid name>`.
    public static func reportURL(_ option: String?, grid: String) -> URL {
        URL(fileURLWithPath: option ?? "reports/\(grid)")
    }

    /// Where shipped data sets live: `$BENCH_DATA`, else `data/` beside the grid
    /// file, else `experiments/data` under the current folder.
    public static func dataRoot(forGrid path: String) -> URL {
        if let env = ProcessInfo.processInfo.environment["BENCH_DATA"] { return URL(fileURLWithPath: env) }
        let beside = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("data")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: "experiments/data")
    }

    /// Prints a warning to standard error.
    public static func warn(_ message: String) {
        FileHandle.standardError.write(Data("bench: warning: \(message)\n".utf8))
    }

    /// The text of `bench show`.
    public static func describeRunFile(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw HarnessError.input("\(path): no such run file") }
        if let kind = VerifiedRunFile.nonRegularKind(URL(fileURLWithPath: path)) {
            throw HarnessError.input("\(path): not a run file: \(kind)")
        }
        do {
            return RunSummary.describe(try RunFileReader.read(URL(fileURLWithPath: path)))
        } catch {
            throw HarnessError.input("\(path): not a readable run file: \(error)")
        }
    }

    /// The grid name recorded in a results folder's run files (or the folder's
    /// name), checked to be usable as one output folder name (`OutputFolderName`).
    /// Reads only attributes, and only of regular files, so a FIFO cannot block it.
    public static func gridName(ofResults dir: URL, option: String) throws -> String {
        for url in try RunFileLoader.runFiles(resultsDirectory: dir) where VerifiedRunFile.nonRegularKind(url) == nil {
            guard let attributes = try? RunFileReader.readAttributes(url),
                  case .string(let grid)? = attributes[RunFileNames.Attribute.grid] else { continue }
            return try OutputFolderName.validated(grid, from: url.path, option: option)
        }
        return try OutputFolderName.validated(dir.standardizedFileURL.lastPathComponent, from: dir.path, option: option)
    }
}
