import Support

/// The sizes of a data set known from its parameters alone, before any data is
/// generated or read: how many rows, what they look like, and roughly how many
/// bytes they take. The harness checks these against the machine's memory
/// before loading, since generating a huge set traps on allocation.
public struct DataShape: Sendable, Equatable {
    /// Rows over all splits.
    public var rows: Int
    public var input: InputKind
    public var task: TaskKind
    /// Bytes of inputs, labels and targets over all splits.
    public var bytes: Double

    /// A shape of `rows` rows taking `bytes` in all.
    public init(rows: Int, input: InputKind, task: TaskKind, bytes: Double) {
        self.rows = rows; self.input = input; self.task = task; self.bytes = bytes
    }

    /// A shape whose rows each hold `scalarsPerRow` four-byte values.
    init(rows: Int, input: InputKind, task: TaskKind, scalarsPerRow: Int) {
        self.rows = rows; self.input = input; self.task = task
        bytes = 4 * Double(rows) * Double(scalarsPerRow)
    }
}

extension DatasetBuilder {
    /// Sizes known from the parameters; nil for data whose sizes only the files
    /// tell (those are checked as they are read).
    static func shape(_ params: ResolvedParams) -> DataShape? { nil }
}

extension DatasetRegistry {
    /// The shape of data set `id` with `params`, when the parameters determine
    /// it; nil for file-backed sets, unknown ids and invalid parameters.
    public static func shape(id: String, params: [String: ParamValue]) -> DataShape? {
        guard let b = try? builder(id), let resolved = try? ResolvedParams(b.declaration, given: params) else {
            return nil
        }
        return b.shape(resolved)
    }
}
