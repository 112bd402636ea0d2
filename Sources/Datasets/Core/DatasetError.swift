import Support

/// What went wrong while resolving parameters or reading data.
///
/// Every case that concerns a file carries its path and where in the file the
/// problem is (line or byte offset), plus what was expected there.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    /// No data set has this id; `suggestion` is the nearest known id.
    case unknownDataset(id: String, suggestion: String?)
    /// A parameter is unknown, of the wrong type, out of range, missing or
    /// breaks a rule of the data set's declaration.
    case parameter(ParamError)
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read or decompressed.
    case unreadableFile(path: String, reason: String)
    /// An IDX file is truncated, has a bad header, or the wrong size.
    case malformedIDX(path: String, offset: Int, expected: String)
    /// A CSV row has the wrong number of fields or a bad value (line and field are 1-based).
    case malformedCSV(path: String, line: Int, field: Int, expected: String, found: String)
    /// A text file is not valid UTF-8 at the byte offset.
    case invalidText(path: String, offset: Int, expected: String)
    /// The file holds no usable data (empty corpus, no rows, too short).
    case emptyData(path: String, expected: String)
    /// Two files that belong together disagree (e.g. image and label counts).
    case mismatchedFiles(path: String, otherPath: String, expected: String)

    /// The file the error is about, when there is one.
    public var path: String? {
        switch self {
        case .fileNotFound(let p), .unreadableFile(let p, _), .malformedIDX(let p, _, _),
             .malformedCSV(let p, _, _, _, _), .invalidText(let p, _, _), .emptyData(let p, _),
             .mismatchedFiles(let p, _, _):
            return p
        case .unknownDataset, .parameter:
            return nil
        }
    }

    /// One line saying where the problem is and what was expected.
    public var description: String {
        switch self {
        case .unknownDataset(let id, let suggestion):
            return "unknown dataset '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .parameter(let error):
            return "dataset '\(error.component)': " + (error.key.map { "parameter '\($0)' " } ?? "") + error.message
        case .fileNotFound(let path):
            return "\(path): file not found"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .malformedIDX(let path, let offset, let expected):
            return "\(path): byte offset \(offset): expected \(expected)"
        case .malformedCSV(let path, let line, let field, let expected, let found):
            return "\(path):\(line): field \(field): expected \(expected), found \(found)"
        case .invalidText(let path, let offset, let expected):
            return "\(path): byte offset \(offset): expected \(expected)"
        case .emptyData(let path, let expected):
            return "\(path): expected \(expected)"
        case .mismatchedFiles(let path, let other, let expected):
            return "\(path) and \(other): expected \(expected)"
        }
    }
}
