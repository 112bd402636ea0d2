import Foundation
import Recording
import Reports

/// `bench report`: renders a report from run files alone.
public enum ReportCommandRunner {
    /// Renders the report of `resultsDirectory` into `output` and returns the path
    /// of its index page.
    public static func render(resultsDirectory: URL, output: URL, gridConfig: String?, pdf: Bool = false) throws -> String {
        let (loaded, warnings) = try RunFileLoader.load(resultsDirectory: resultsDirectory)
        let records = loaded.map(withOptimizerFamily)
        _ = try? ResultsIndex.rebuild(resultsDir: resultsDirectory)
        for w in warnings { CommandSupport.warn(w) }
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
            return summary.indexHTML.path
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
