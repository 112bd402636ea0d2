import Foundation
import Recording

/// Shared plumbing of the command-line tool: locating grids, data and output
/// folders, and turning lower-level errors into user-facing ones.
public enum CommandSupport {
    /// Loads and validates a grid file; every problem becomes `HarnessError.input`.
    public static func loadGrid(_ path: String) throws -> Grid {
        guard FileManager.default.fileExists(atPath: path) else {
            throw HarnessError.input("\(path): no such grid file")
        }
        do {
            return try GridFile.load(path: path)
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
        do {
            return RunSummary.describe(try RunFileReader.read(URL(fileURLWithPath: path)))
        } catch {
            throw HarnessError.input("\(path): not a readable run file: \(error)")
        }
    }

    /// The grid name recorded in a results folder's run files (or the folder's name).
    public static func gridName(ofResults dir: URL) throws -> String {
        let runs = ResultsLayout(directory: dir).runsFolder
        guard FileManager.default.fileExists(atPath: runs.path) else {
            throw HarnessError.input("\(dir.path): not a results folder (no runs/ inside)")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: runs.path))?.filter(ResultsLayout.isRunFileName).sorted() ?? []
        for f in files {
            if let r = try? RunFileReader.read(runs.appendingPathComponent(f)), let g = r.string(RunFileNames.Attribute.grid) { return g }
        }
        return dir.lastPathComponent
    }
}
