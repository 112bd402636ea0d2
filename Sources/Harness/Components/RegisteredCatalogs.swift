import Datasets
import Models
import Optimizers
import Regularizers
import Support
import GridLanguage

extension ComponentCatalogs {
    /// Every registered component, from the registries' own declarations.
    public static let registered = ComponentCatalogs(
        datasets: DatasetRegistry.declarations, models: ModelRegistry.declarations,
        optimizers: OptimizerRegistry.declarations, regularizers: RegularizerRegistry.declarations)
}

extension GridFile {
    /// Reads and expands the grid file at `path` against the registered components.
    public static func load(path: String, maxCells: Int = GridSize.defaultMaxCells) throws(GridError) -> Grid {
        try load(path: path, catalogs: .registered, maxCells: maxCells)
    }

    /// Parses grid text against the registered components.
    public static func parse(text: String, path: String, baseDirectory: String,
                             maxCells: Int = GridSize.defaultMaxCells) throws(GridError) -> Grid {
        try parse(text: text, path: path, baseDirectory: baseDirectory, catalogs: .registered, maxCells: maxCells)
    }
}
