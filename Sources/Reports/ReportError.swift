/// Why a report could not be rendered.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No run records were given.
    case noRecords
    /// gnuplot is not installed where it was looked for.
    case gnuplotNotFound(searched: [String])
    /// gnuplot exited with an error on a script.
    case gnuplotFailed(script: String, status: Int32, message: String)
    /// A file or folder could not be written.
    case writeFailed(path: String, reason: String)
    /// Some figures failed in gnuplot; everything else (other figures, tables,
    /// index page, which lists the failures) was written.
    case figuresFailed([ReportError])

    public var description: String {
        switch self {
        case .noRecords:
            return "no runs to report: the results hold no run files"
        case .gnuplotNotFound(let searched):
            let places = searched.isEmpty ? "PATH is empty" : "looked for " + searched.joined(separator: ", ")
            return "gnuplot was not found (\(places)); install the Debian package gnuplot-nox "
                + "(apt-get install gnuplot-nox) or give its path"
        case .gnuplotFailed(let script, let status, let message):
            return "gnuplot failed on \(script) (exit status \(status)): \(message)"
        case .writeFailed(let path, let reason):
            return "could not write \(path): \(reason)"
        case .figuresFailed(let failures):
            return "\(failures.count) figure(s) failed; the rest of the report was written and its index lists them: "
                + failures.map(\.description).joined(separator: "; ")
        }
    }
}
