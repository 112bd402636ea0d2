import Support
/// The four named axes of a grid whose entries come from a catalog.
public enum GridAxis: String, Sendable, CaseIterable {
    case dataset, model, optimizer, regularizer

    /// The grid file's key for the axis: `datasets`, `models`, ...
    public var key: String { rawValue + "s" }

    /// The catalog of names and parameters for the axis.
    public var catalog: ComponentCatalog {
        switch self {
        case .dataset: return DatasetCatalog.catalog
        case .model: return ModelCatalog.catalog
        case .optimizer: return OptimizerCatalog.catalog
        case .regularizer: return RegularizerCatalog.catalog
        }
    }
}
