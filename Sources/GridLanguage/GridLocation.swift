import Yams

/// A place in a grid file: file, line, column and key path, so that problems
/// found after parsing (while building or loading a cell's components) still
/// point at the entry that caused them.
public struct GridLocation: Sendable, Hashable {
    public let file: String
    public let line: Int
    public let column: Int
    /// E.g. `models[1].mlp`.
    public let keyPath: String

    /// A location of `file`, at `line`:`column`, under `keyPath`.
    public init(file: String, line: Int, column: Int, keyPath: String) {
        self.file = file; self.line = line; self.column = column; self.keyPath = keyPath
    }

    /// Where `node` of `file` is.
    init(file: String, node: Node, keyPath: String) {
        self.init(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, keyPath: keyPath)
    }

    /// A grid error at this place.
    public func error(_ message: String) -> GridError {
        GridError(file: file, line: line, column: column, keyPath: keyPath, message: message)
    }
}

/// Where each choice of a cell was written in the grid file.
///
/// Locations are not part of what a cell is: two cells with equal settings are
/// equal wherever they were written, so equality and hashing ignore them.
public struct CellOrigin: Sendable, Hashable {
    /// The data set entry; nil for test functions.
    public let dataset: GridLocation?
    public let model: GridLocation
    public let optimizer: GridLocation
    /// The regularizer entry; nil when the grid has no regularizers axis.
    public let regularizer: GridLocation?
    /// The `train` mapping.
    public let train: GridLocation

    /// The locations of a cell's choices.
    public init(dataset: GridLocation?, model: GridLocation, optimizer: GridLocation, regularizer: GridLocation?,
                train: GridLocation) {
        self.dataset = dataset; self.model = model; self.optimizer = optimizer; self.regularizer = regularizer
        self.train = train
    }

    public static func == (_: CellOrigin, _: CellOrigin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
