import Foundation
import Support

/// File writing with typed errors.
enum FileOutput {
    static func makeDirectory(_ url: URL) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Writes `text` as UTF-8, replacing the file atomically (`AtomicFile`).
    static func write(_ text: String, to url: URL) throws(ReportError) {
        do {
            try AtomicFile.write(text, to: url)
        } catch {
            throw .writeFailed(path: error.path, reason: error.reason)
        }
    }

    /// Deletes the image files (PNG, SVG, PDF) of the figures `names`, keeping
    /// their data and scripts.
    static func removeImages(of names: [String], in directory: URL) {
        for name in names {
            for ext in ["png", "svg", "pdf"] {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(name).\(ext)"))
            }
        }
    }

    /// Deletes figure files of an earlier rendering in `directory` that the
    /// current one did not produce. Only names this module generates
    /// (`curve-`, `diag-`, `heatmap-`, `sensitivity-`, `profile-`, `hessian-`
    /// slugs with a figure extension) are touched; anything else in the folder stays.
    static func removeStaleFigures(in directory: URL, keeping names: Set<String>) {
        let prefixes = ["curve-", "diag-", "heatmap-", "sensitivity-", "profile-", "hessian-"]
        let extensions: Set<String> = ["gp", "dat", "png", "svg", "pdf"]
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for file in files {
            let url = directory.appendingPathComponent(file)
            let stem = url.deletingPathExtension().lastPathComponent
            guard extensions.contains(url.pathExtension), prefixes.contains(where: { stem.hasPrefix($0) }),
                  stem.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
                  !names.contains(stem) else { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Tables a rendering writes only when they have rows.
    static let optionalTables = ["quasi_newton"]

    /// Deletes the Markdown and CSV files of optional tables in `directory` that
    /// the current rendering did not produce; other files stay.
    static func removeStaleTables(in directory: URL, keeping names: Set<String>) {
        for name in optionalTables where !names.contains(name) {
            for ext in ["md", "csv"] {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(name).\(ext)"))
            }
        }
    }
}
