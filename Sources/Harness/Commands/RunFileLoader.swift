import Foundation
import Recording

/// Reads every completed run file of a results folder (`runs/*.h5`), skipping
/// temporary files and reporting unreadable ones as warnings.
public enum RunFileLoader {
    public static func load(resultsDirectory dir: URL) throws -> (records: [RunRecord], warnings: [String]) {
        let runs = ResultsLayout(directory: dir).runsFolder
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runs.path, isDirectory: &isDir), isDir.boolValue else {
            throw HarnessError.input("\(dir.path): not a results folder (no runs/ inside)")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [])
            .filter(ResultsLayout.isRunFileName).sorted()
        var records: [RunRecord] = [], warnings: [String] = []
        for name in names {
            let url = runs.appendingPathComponent(name)
            do { records.append(try RunFileReader.read(url)) } catch {
                warnings.append("skipped \(url.path): \(error)")
            }
        }
        return (records, warnings)
    }
}
