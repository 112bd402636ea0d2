import Foundation
import Support

/// Where things live in a results tree, the one place that spells its names:
///
/// ```
/// results/<grid>/runs/<run id>.h5     run files (unfinished: .<name>.tmp-<pid>-<token>)
/// results/<grid>/index.json           the results index (rebuildable)
/// results/<grid>/.lock                the lock of a whole-grid run
/// results/<grid>/.lock-shard-I-of-N   the lock of shard I of N
/// results/baselines/<grid>/baseline.json, meta.json
/// ```
///
/// Every reader and writer (runner, index, loaders, baselines, commands) builds
/// its paths here, so the layout cannot differ between the side that writes a
/// file and the side that looks for it.
public struct ResultsLayout: Sendable, Equatable {
    /// The default root of all results, relative to the working folder.
    public static let rootFolderName = "results"
    /// The folder of run files inside a grid's results folder.
    public static let runsFolderName = "runs"
    /// The extension of run files, without the dot.
    public static let runFileExtension = "h5"
    /// The index file's name inside a grid's results folder.
    public static let indexFileName = "index.json"
    /// The lock file of a run over the whole grid.
    public static let lockFileName = ".lock"
    /// The folder of stored baselines inside the results root.
    public static let baselinesFolderName = "baselines"
    /// The data file of a stored baseline.
    public static let baselineFileName = "baseline.json"
    /// The machine and creation description of a stored baseline.
    public static let baselineMetaFileName = "meta.json"

    /// The grid's results folder, e.g. `results/<grid>`.
    public let directory: URL

    /// The layout of the results folder `directory`.
    public init(directory: URL) { self.directory = directory }

    /// The layout of the default results folder of `grid` (`results/<grid>`).
    public init(grid: String) {
        self.init(directory: URL(fileURLWithPath: Self.rootFolderName).appendingPathComponent(grid))
    }

    /// The default baseline folder of `grid` (`results/baselines/<grid>`).
    public static func defaultBaselineFolder(grid: String) -> URL {
        URL(fileURLWithPath: rootFolderName).appendingPathComponent(baselinesFolderName).appendingPathComponent(grid)
    }

    /// `runs/` inside the results folder.
    public var runsFolder: URL { directory.appendingPathComponent(Self.runsFolderName) }

    /// `index.json` inside the results folder.
    public var indexFile: URL { directory.appendingPathComponent(Self.indexFileName) }

    /// The run file of the run `runID`.
    public func runFile(runID: String) -> URL {
        runsFolder.appendingPathComponent(runID + "." + Self.runFileExtension)
    }

    /// The lock file of a whole-grid run, or of shard `index` of `count` (`.lock-shard-I-of-N`).
    public func lockFile(shard: (index: Int, count: Int)? = nil) -> URL {
        directory.appendingPathComponent(shard.map { "\(Self.lockFileName)-shard-\($0.index)-of-\($0.count)" }
                                         ?? Self.lockFileName)
    }

    /// True for the name of a finished run file (`*.h5`, not hidden); temporary
    /// files of unfinished writes are hidden, so they never count.
    public static func isRunFileName(_ name: String) -> Bool {
        name.hasSuffix("." + runFileExtension) && !name.hasPrefix(".")
    }

    /// True for a temporary file left by an unfinished atomic write.
    public static func isTemporaryFileName(_ name: String) -> Bool { AtomicFile.isTemporaryName(name) }

    /// The run id a run file's name stands for (the name without `.h5`).
    public static func runID(fileName: String) -> String {
        let suffix = "." + runFileExtension
        return fileName.hasSuffix(suffix) ? String(fileName.dropLast(suffix.count)) : fileName
    }
}
