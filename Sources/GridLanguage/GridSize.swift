import Yams

/// Counts the cells a grid file expands to from its YAML tree alone, so an
/// oversized grid is refused before any choice or cell is built.
///
/// It follows the expansion rules of `ComponentParser` (a list as a parameter
/// value is a sub-axis; for list-typed parameters only a list of lists is)
/// and counts before `exclude` rules apply, since expansion must enumerate
/// every combination before it can drop any. Anything malformed counts as one
/// choice and is left for the parser to report. Arithmetic saturates at
/// `Int.max`, so a count never traps.
public enum GridSize {
    /// The cap used when a command is given no `--max-cells`.
    public static let defaultMaxCells = 100_000

    /// The number of cells of the grid whose top-level mapping holds `entries`.
    static func cells(_ entries: [(key: String, keyNode: Node, value: Node)], catalogs: ComponentCatalogs) -> Int {
        var total = 1
        for entry in entries {
            if entry.key == "seeds" {
                total = times(total, max(1, entry.value.sequence?.count ?? 1))
            } else if let axis = GridAxis.allCases.first(where: { $0.key == entry.key }) {
                total = times(total, choices(entry.value, catalogs[axis]))
            }
        }
        return total
    }

    /// The choices of one axis: the sum over its entries.
    private static func choices(_ node: Node, _ catalog: ComponentCatalog) -> Int {
        guard let items = node.sequence else { return entryChoices(node, catalog) }
        return max(1, items.reduce(0) { plus($0, entryChoices($1, catalog)) })
    }

    /// One entry: a bare name, or components applied together (their product).
    private static func entryChoices(_ node: Node, _ catalog: ComponentCatalog) -> Int {
        guard let mapping = node.mapping else { return 1 }
        return mapping.reduce(1) { times($0, componentChoices($1.key.scalar?.string, $1.value, catalog)) }
    }

    /// One named component: the product of its parameters' sub-axis lengths.
    private static func componentChoices(_ name: String?, _ params: Node, _ catalog: ComponentCatalog) -> Int {
        guard let mapping = params.mapping else { return 1 }
        let entry = name.flatMap { catalog.entry($0) }
        var total = 1
        for (key, value) in mapping {
            guard let items = value.sequence, !items.isEmpty else { continue }
            let param = key.scalar.flatMap { entry?.param($0.string) }
            if case .intList = param?.type, !items.contains(where: { $0.sequence != nil }) { continue }
            total = times(total, items.count)
        }
        return total
    }

    private static func times(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }

    private static func plus(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
