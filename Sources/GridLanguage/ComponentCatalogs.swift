import Support
/// The catalogs of all four axes: what a grid may name. The grid layer never
/// imports a component module; whoever loads a grid passes the catalogs in
/// (the harness builds them from the registries in `RegisteredCatalogs`).
public struct ComponentCatalogs: Sendable {
    public let datasets: ComponentCatalog
    public let models: ComponentCatalog
    public let optimizers: ComponentCatalog
    public let regularizers: ComponentCatalog

    /// Catalogs from the declarations of each axis.
    public init(datasets: [ComponentDeclaration], models: [ComponentDeclaration],
                optimizers: [ComponentDeclaration], regularizers: [ComponentDeclaration]) {
        self.datasets = ComponentCatalog(axis: .dataset, declarations: datasets)
        self.models = ComponentCatalog(axis: .model, declarations: models)
        self.optimizers = ComponentCatalog(axis: .optimizer, declarations: optimizers)
        self.regularizers = ComponentCatalog(axis: .regularizer, declarations: regularizers)
    }

    /// The catalog of `axis`.
    public subscript(axis: GridAxis) -> ComponentCatalog {
        switch axis {
        case .dataset: return datasets
        case .model: return models
        case .optimizer: return optimizers
        case .regularizer: return regularizers
        }
    }

    /// The four catalogs in the order `bench catalog` prints them, with their headings.
    public var all: [(name: String, catalog: ComponentCatalog)] {
        [("optimizers", optimizers), ("models", models), ("regularizers", regularizers), ("datasets", datasets)]
    }

    /// The README's parameter reference: a heading per axis, a table per component.
    public var markdown: String {
        all.map { "#### " + $0.name.prefix(1).uppercased() + $0.name.dropFirst() + "\n\n" + $0.catalog.markdown }
            .joined(separator: "\n")
    }
}
