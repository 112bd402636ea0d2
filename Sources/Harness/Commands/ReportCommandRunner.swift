import Foundation
import Recording
import Reports

/// `bench report`: renders a report from run files alone.
public enum ReportCommandRunner {
    /// Renders the report of `resultsDirectory` into `output` and returns the path
    /// of its index page.
    public static func render(resultsDirectory: URL, output: URL, gridConfig: String?, pdf: Bool = false) throws -> String {
        let (records, warnings) = try RunFileLoader.load(resultsDirectory: resultsDirectory)
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
}
