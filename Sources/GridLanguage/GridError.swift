import Support
/// A problem in a grid file, located by file, line, column and key path.
///
/// `description` reads like a compiler diagnostic, e.g.
/// `experiments/x.yaml:12:5: error: optimizers[1].adam.lr: must be > 0, got -0.1`.
public struct GridError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The grid file's path as it was given to the loader.
    public let file: String
    /// 1-based line, or nil when the problem has no place in the text (unreadable file).
    public let line: Int?
    /// 1-based column (in Unicode scalars), or nil with `line`.
    public let column: Int?
    /// Where in the grid the problem is, e.g. `optimizers[1].adam.lr`; empty for the whole file.
    public let keyPath: String
    public let message: String

    /// An error at `line`:`column` of `file`, under `keyPath`.
    public init(file: String, line: Int?, column: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return place + ": error: " + (keyPath.isEmpty ? "" : keyPath + ": ") + message
    }
}
