import Support
import Foundation
import Yams

/// Loads grid files (DESIGN section 5): parses the YAML, checks every name,
/// type, range and combination against the catalogs, and expands the grid
/// into cells. Every problem is thrown before anything runs, as a
/// `GridError` with file, line, column and key path.
public struct GridFile {
    static let topKeys = ["name", "description", "datasets", "models", "optimizers", "regularizers", "seeds",
                          "train", "exclude"]

    /// Reads and expands the grid file at `path`. Relative data paths inside
    /// the grid resolve against the file's folder; names and parameters are
    /// checked against `catalogs`. A grid of more than `maxCells` cells is
    /// refused before it is expanded.
    public static func load(path: String, catalogs: ComponentCatalogs,
                            maxCells: Int = GridSize.defaultMaxCells) throws(GridError) -> Grid {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw GridError(file: path, line: nil, column: nil, keyPath: "",
                            message: "cannot read the grid file (\(error.localizedDescription))")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text: text, path: path, baseDirectory: folder, catalogs: catalogs, maxCells: maxCells)
    }

    /// Parses grid text as if read from `path`; relative data paths resolve
    /// against `baseDirectory`; names and parameters are checked against
    /// `catalogs`; more than `maxCells` cells are refused.
    public static func parse(text: String, path: String, baseDirectory: String, catalogs: ComponentCatalogs,
                             maxCells: Int = GridSize.defaultMaxCells) throws(GridError) -> Grid {
        let reader = GridReader(file: path, baseDirectory: baseDirectory, catalogs: catalogs)
        try YAMLBudget.check(text, file: path)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw GridError(file: path, line: 1, column: 1, keyPath: "", message: "the file is empty")
            }
            root = node
        } catch let error as GridError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, path)
        } catch {
            throw GridError(file: path, line: 1, column: 1, keyPath: "", message: "\(error)")
        }
        return try build(root, reader, maxCells: maxCells)
    }

    private static func build(_ root: Node, _ reader: GridReader, maxCells: Int) throws(GridError) -> Grid {
        let entries = try reader.pairs(root, "", expected: "a mapping of grid keys (name, models, optimizers, ...)")
        try reader.checkKeys(entries, allowed: topKeys, "", what: "key")
        let size = GridSize.cells(entries, catalogs: reader.catalogs)
        guard size <= maxCells else {
            let count = size == Int.max ? "more than \(Int.max)" : "\(size)"
            throw reader.fail(root, "", "too many cells: the grid expands to \(count) cells (before exclude rules),"
                              + " more than the cap of \(maxCells); split the grid or raise the cap with --max-cells")
        }
        // Each key is read in file order, so the first problem reported is the
        // first one in the file; checks across keys follow.
        var name: String?, description: String?, seeds = [0], rules: [ExcludeRule] = []
        var axes: [GridAxis: [AxisChoice]] = [:]
        var trainNode: Node?
        for e in entries {
            switch e.key {
            case "name": name = try gridName(e.value, reader)
            case "description": description = try reader.string(e.value, "description")
            case "seeds": seeds = try self.seeds(e.value, reader)
            case "train": trainNode = e.value
            case "exclude": rules = try ExcludeParser(reader: reader).parse(e.value)
            default:
                let axis = GridAxis.allCases.first { $0.key == e.key }!
                axes[axis] = try ComponentParser(reader: reader, catalog: reader.catalogs[axis]).axisChoices(e.value, e.key)
            }
        }
        func missing(_ key: String, _ example: String) -> GridError {
            reader.fail(root, key, "required key is missing (e.g. \(example))")
        }
        guard let name else { throw missing("name", "name: my_grid") }
        guard let models = axes[.model] else { throw missing("models", "models: [mlp]") }
        guard let optimizers = axes[.optimizer] else { throw missing("optimizers", "optimizers: [adam]") }
        guard let trainNode else { throw missing("train", "train: {steps: 300, batch_size: 64}") }
        let datasets = axes[.dataset], regularizers = axes[.regularizer]
        try checkData(models: models, hasData: datasets != nil, reader, root)
        if let regularizers, models[0].specs[0].traits.contains(.testFunction) {
            let usable = reader.catalogs.regularizers.declarations
                .filter { $0.id != "none" && $0.traits.contains(.appliesToTestFunctions) }.map(\.id)
            for choice in regularizers {
                if let bad = choice.specs.first(where: { !$0.traits.contains(.appliesToTestFunctions) }) {
                    throw reader.fail(choice.node, choice.keyPath,
                                      "\(bad.id) needs a network and data; with test functions "
                                      + "(\(models[0].specs[0].id)) use \(usable.joined(separator: ", "))")
                }
            }
        }
        let train = try TrainConfigParser(reader: reader).parse(trainNode, hasData: datasets != nil)

        var cells: [Cell] = []
        var excluded = 0
        let datasetChoices: [AxisChoice?] = datasets ?? [nil]
        let regularizerChoices: [AxisChoice?] = regularizers ?? [nil]
        func place(_ c: AxisChoice) -> GridLocation { GridLocation(file: reader.file, node: c.node, keyPath: c.keyPath) }
        for d in datasetChoices {
            for m in models {
                for o in optimizers {
                    for r in regularizerChoices {
                        let origin = CellOrigin(dataset: d.map(place), model: place(m), optimizer: place(o),
                                                regularizer: r.map(place),
                                                train: GridLocation(file: reader.file, node: trainNode, keyPath: "train"))
                        for s in seeds {
                            let cell = Cell(dataset: d?.specs[0], model: m.specs[0], optimizer: o.specs[0],
                                            regularizers: r?.specs ?? [], seed: s, train: train, origin: origin)
                            if rules.contains(where: { $0.matches(cell) }) { excluded += 1 } else { cells.append(cell) }
                        }
                    }
                }
            }
        }
        if cells.isEmpty, let e = entries.first(where: { $0.key == "exclude" }) {
            throw reader.fail(e.keyNode, "exclude", "excludes every cell; nothing would run")
        }
        return Grid(name: name, description: description, sourcePath: reader.file, train: train, cells: cells,
                    excludedCount: excluded)
    }

    /// The grid's name: it names the results folder, so only `[A-Za-z0-9_-]`.
    private static func gridName(_ node: Node, _ reader: GridReader) throws(GridError) -> String {
        let name = try reader.string(node, "name")
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard allowed else {
            throw reader.fail(node, "name", "may contain only letters, digits, '_' and '-', got \"\(name)\"")
        }
        return name
    }

    /// Test functions take no dataset; every other model needs one.
    private static func checkData(models: [AxisChoice], hasData: Bool, _ reader: GridReader, _ root: Node)
        throws(GridError) {
        for m in models {
            let isTest = m.specs[0].traits.contains(.testFunction)
            if hasData && isTest {
                throw reader.fail(m.node, m.keyPath, "\(m.specs[0].id) is a test function and takes no dataset; "
                                  + "put test functions in a grid without datasets")
            }
            if !hasData && !isTest {
                throw reader.fail(m.node, m.keyPath, "\(m.specs[0].id) needs data; add a datasets axis "
                                  + "(only test functions run without one)")
            }
        }
    }

    private static func seeds(_ node: Node, _ reader: GridReader) throws(GridError) -> [Int] {
        guard let items = node.sequence else {
            throw reader.fail(node, "seeds", "expected a list of seeds like [0, 1, 2], got \(YAMLScalar.describe(node))")
        }
        guard !items.isEmpty else { throw reader.fail(node, "seeds", "needs at least one seed") }
        var seeds: [Int] = []
        for (i, item) in items.enumerated() {
            let s = try reader.int(item, .nonNegative, "seeds[\(i)]")
            if let j = seeds.firstIndex(of: s) {
                throw reader.fail(item, "seeds[\(i)]", "repeats seed \(s) of seeds[\(j)]")
            }
            seeds.append(s)
        }
        return seeds
    }

    /// Yams' own line and column for malformed YAML.
    private static func yamlError(_ error: YamlError, _ path: String) -> GridError {
        func make(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> GridError {
            // The context mark says where the unfinished construct began,
            // which is often where the mistake is (an unclosed quote or bracket).
            let prefix = context.map { "\($0.text) (started at \($0.mark.line):\($0.mark.column)): " } ?? ""
            return GridError(file: path, line: mark.line, column: mark.column, keyPath: "",
                             message: "malformed YAML: " + prefix + problem)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(context, problem, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return GridError(file: path, line: context.mark.line, column: context.mark.column, keyPath: "",
                             message: "duplicate key " + duplicates.map { "'\($0)'" }.joined(separator: ", "))
        case let .reader(problem, _, _, _):
            return GridError(file: path, line: 1, column: 1, keyPath: "", message: "unreadable text: \(problem)")
        default:
            return GridError(file: path, line: 1, column: 1, keyPath: "", message: "malformed YAML: \(error)")
        }
    }
}
