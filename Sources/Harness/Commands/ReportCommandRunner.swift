import Foundation
import Recording
import Reports
import GridLanguage

/// `bench report`: renders a report from run files alone.
public enum ReportCommandRunner {
    /// Renders the report of `resultsDirectory` into `output` and returns the path
    /// of its index page. Damaged run files are left out of the report, named on
    /// standard error, and then make it throw, so the command exits non-zero.
    public static func render(resultsDirectory: URL, output: URL, gridConfig: String?, pdf: Bool = false) throws -> String {
        let loaded = try RunFileLoader.load(resultsDirectory: resultsDirectory)
        let records = loaded.records.map(withOptimizerFamily)
        _ = try? ResultsIndex.rebuild(resultsDir: resultsDirectory)
        RunFileLoader.report(loaded)
        guard !records.isEmpty else {
            throw HarnessError.input("\(resultsDirectory.path): no readable run files to report")
        }
        let gridName = records.compactMap { $0.string(RunFileNames.Attribute.grid) }.first ?? resultsDirectory.lastPathComponent
        var options = ReportOptions()
        options.pdf = pdf
        do {
            let summary = try ReportRenderer.render(records: records, gridName: gridName, gridConfig: gridConfig,
                                                    engineVersion: EngineVersion.current, outputDirectory: output,
                                                    options: options)
            if let skipped = summary.figuresSkipped { CommandSupport.warn(skipped) }
            guard loaded.damaged.isEmpty else {
                throw RunFileLoader.damagedError(loaded, in: resultsDirectory,
                                                 consequence: "the report in \(output.path) leaves them out")
            }
            return summary.indexHTML.path
        } catch let error as HarnessError {
            throw error
        } catch {
            throw HarnessError.io(path: output.path, reason: "\(error)")
        }
    }

    /// Run files written before runs recorded `optimizer_family` get the family
    /// their optimizer declares, so reports group every run by its family.
    static func withOptimizerFamily(_ record: RunRecord) -> RunRecord {
        guard record.string(RunFileNames.Attribute.optimizerFamily) == nil, let id = record.string(RunFileNames.Attribute.optimizerID),
              let family = ComponentCatalogs.registered.optimizers.entry(id)?.family else { return record }
        var r = record
        r.attributes[RunFileNames.Attribute.optimizerFamily] = .string(family.rawValue)
        return r
    }
}
