import Foundation
import Recording
import GridLanguage

/// Reads every run file of a results folder (`runs/*.h5`) that can be trusted,
/// sorting out the rest: temporary and hidden files are skipped silently,
/// files that are not regular files (a FIFO, a folder) are skipped with a
/// warning without being opened, and run files that are unreadable or whose
/// content no longer matches their digest are damaged (`VerifiedRunFile`).
public enum RunFileLoader {
    /// What a results folder holds.
    public struct Loaded {
        /// The verified runs, in file-name order.
        public var records: [RunRecord] = []
        /// Run files that cannot be trusted, in file-name order.
        public var damaged: [RunFileDamage] = []
        /// Entries skipped without being read, and why.
        public var warnings: [String] = []

        /// Damaged run files by run id (the file name without `.h5`).
        public var damagedByRunId: [String: String] {
            Dictionary(damaged.map { (RunFileLoader.runId(ofPath: $0.path), $0.reason) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Reads the results folder `dir`; throws `HarnessError.input` when it has no `runs/` folder.
    public static func load(resultsDirectory dir: URL) throws -> Loaded {
        var loaded = Loaded()
        for url in try runFiles(resultsDirectory: dir) {
            if let kind = VerifiedRunFile.nonRegularKind(url) {
                loaded.warnings.append("ignored \(url.path): not a regular file (\(kind))")
                continue
            }
            do { loaded.records.append(try VerifiedRunFile.read(url)) } catch {
                loaded.damaged.append(error)
            }
        }
        return loaded
    }

    /// The paths of `runs/*.h5` in `dir`, hidden and temporary files left out, sorted.
    public static func runFiles(resultsDirectory dir: URL) throws -> [URL] {
        let runs = ResultsLayout(directory: dir).runsFolder
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runs.path, isDirectory: &isDir), isDir.boolValue else {
            throw HarnessError.input("\(dir.path): not a results folder (no runs/ inside)")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [])
            .filter(ResultsLayout.isRunFileName).sorted()
        return names.map { runs.appendingPathComponent($0) }
    }

    /// The run id a run file's name stands for (`<run_id>.h5`).
    public static func runId(ofPath path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasSuffix(".h5") ? String(name.dropLast(3)) : name
    }

    /// Prints the warnings and each damaged file to standard error.
    public static func report(_ loaded: Loaded) {
        for w in loaded.warnings { CommandSupport.warn(w) }
        for d in loaded.damaged { CommandSupport.warn("damaged run file skipped: \(d)") }
    }

    /// The error for a command that refuses to finish cleanly over damaged run files.
    public static func damagedError(_ loaded: Loaded, in dir: URL, consequence: String) -> HarnessError {
        let count = loaded.damaged.count
        return .input("\(dir.path): \(count) damaged run file\(count == 1 ? "" : "s") (listed above); \(consequence);"
                      + " `bench run` on the grid moves them to runs/.damaged/ and runs those cells again")
    }
}
