import Support
/// The four named axes of a grid whose entries come from a catalog.
public enum GridAxis: String, Sendable, CaseIterable {
    case dataset, model, optimizer, regularizer

    /// The grid file's key for the axis: `datasets`, `models`, ...
    public var key: String { rawValue + "s" }
}
