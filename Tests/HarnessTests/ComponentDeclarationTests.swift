import Datasets
import Foundation
import Models
import Optimizers
import Recording
import Regularizers
import Support
import Testing
@testable import GridLanguage
@testable import Harness

/// Every registered component runs from a grid with its defaults, and grid
/// validation and the component agree on every numeric bound, so a grid that
/// validates cannot fail later for a parameter value.
@Suite struct ComponentDeclarationTests {
    static let catalogs = ComponentCatalogs.registered
    static let dataRoot = BenchProcess.repositoryRoot.appendingPathComponent("experiments/data")

    /// Small user files for the `idx`, `csv` and `text` loaders.
    static let files: GridScratch = {
        let scratch = GridScratch()
        var rows: [String] = []
        for i in 0..<60 { rows.append("\(Double(i % 7) / 7),\(Double(i % 5) / 5),\(i % 3)") }
        scratch.write("table.csv", rows.joined(separator: "\n") + "\n")
        scratch.write("corpus.txt", String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 40))
        func idx(_ type: UInt8, _ dims: [Int], _ payload: [UInt8]) -> Data {
            var out: [UInt8] = [0, 0, type, UInt8(dims.count)]
            for d in dims { out += [UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
            return Data(out + payload)
        }
        let n = 40
        try! idx(0x08, [n, 2, 2], (0..<(n * 4)).map { UInt8($0 % 251) })
            .write(to: URL(fileURLWithPath: scratch.folder + "/images.idx"))
        try! idx(0x08, [n], (0..<n).map { UInt8($0 % 2) }).write(to: URL(fileURLWithPath: scratch.folder + "/labels.idx"))
        return scratch
    }()

    /// A grid entry for the required parameters of `declaration`, or its bare id.
    static func entry(_ declaration: ComponentDeclaration, extra: [String: String] = [:]) -> String {
        var params = extra
        let paths = ["path": declaration.id == "csv" ? "table.csv" : "corpus.txt",
                     "images": "images.idx", "labels": "labels.idx"]
        for p in declaration.params where p.defaultValue == .required { params[p.name] = paths[p.name]! }
        if params.isEmpty { return declaration.id }
        return "{\(declaration.id): {" + params.keys.sorted().map { "\($0): \(params[$0]!)" }.joined(separator: ", ") + "}}"
    }

    /// The data set each model is exercised on, and the model each data set is read by.
    /// Partners are small, so that evaluating whole splits stays quick in debug builds.
    static func dataset(forModel id: String) -> String {
        switch id {
        case "logreg", "mlp": return "digits"
        case "charlm": return "{copy: {n: 40, length: 2, delay: 1}}"
        default: return "{dyck: {n: 40, max_length: 8}}"
        }
    }

    static func model(forDataset id: String) -> String {
        switch id {
        case "austen_charlm", "copy", "text": return "{charlm: {embed: 4, hidden: 4}}"
        case "digits_seq", "austen_books", "adding", "parity", "dyck", "negation_sentiment":
            return "{rnn: {embed: 4, hidden: 4}}"
        default: return "logreg"
        }
    }

    /// A grid text with one cell: the given entries, defaults everywhere else.
    static func grid(dataset: String?, model: String, optimizer: String = "sgd", regularizer: String? = nil) -> String {
        var lines = ["name: each"]
        if let dataset { lines.append("datasets: [\(dataset)]") }
        lines.append("models: [\(model)]")
        lines.append("optimizers: [\(optimizer)]")
        if let regularizer { lines.append("regularizers: [\(regularizer)]") }
        lines.append(dataset == nil ? "train: {steps: 2}" : "train: {steps: 2, batch_size: 4}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Loads the grid, loads its data set and trains its one cell for two steps.
    static func trainTwoSteps(_ text: String) throws -> RunRecord {
        let grid = try files.load(text, name: UUID().uuidString + ".yaml")
        let cell = try #require(grid.cells.first)
        let data = try cell.dataset.map {
            try DatasetRegistry.load(id: $0.id, params: $0.params, seed: UInt64(cell.seed), dataRoot: dataRoot)
        }
        return RunExecutor(cell: cell, gridName: grid.name, dataset: data, threads: 1).execute()
    }

    static func expectTrained(_ record: RunRecord, _ what: String) {
        #expect(record.string("status") == "completed", "\(what): \(record.string("error") ?? "")")
        #expect(record.int("steps_done") == 2, "\(what)")
    }

    @Test(arguments: ComponentDeclarationTests.catalogs.datasets.ids)
    func everyDatasetLoadsAndTrainsWithDefaults(id: String) throws {
        let d = try #require(Self.catalogs.datasets.entry(id))
        Self.expectTrained(try Self.trainTwoSteps(Self.grid(dataset: Self.entry(d), model: Self.model(forDataset: id))), id)
    }

    @Test(arguments: ComponentDeclarationTests.catalogs.models.ids)
    func everyModelTrainsWithDefaults(id: String) throws {
        let m = try #require(Self.catalogs.models.entry(id))
        let isTest = m.traits.contains(.testFunction)
        let text = Self.grid(dataset: isTest ? nil : Self.dataset(forModel: id), model: id, optimizer: isTest ? "lbfgs" : "sgd")
        Self.expectTrained(try Self.trainTwoSteps(text), id)
    }

    @Test(arguments: ComponentDeclarationTests.catalogs.optimizers.ids)
    func everyOptimizerTrainsWithDefaults(id: String) throws {
        Self.expectTrained(try Self.trainTwoSteps(Self.grid(dataset: nil, model: "rosenbrock", optimizer: id)), id)
        Self.expectTrained(try Self.trainTwoSteps(Self.grid(dataset: "digits", model: "logreg", optimizer: id)), id)
    }

    @Test(arguments: ComponentDeclarationTests.catalogs.regularizers.ids)
    func everyRegularizerTrainsWithDefaults(id: String) throws {
        Self.expectTrained(try Self.trainTwoSteps(Self.grid(dataset: "digits", model: "{mlp: {hidden: [8]}}", regularizer: id)), id)
    }

    /// The registry's own answer for `params` of component `id` on `axis`.
    static func componentAccepts(_ axis: GridAxis, _ id: String, _ params: [String: ParamValue]) -> Bool {
        switch axis {
        case .dataset:
            return (try? DatasetRegistry.resolve(id: id, params: params)) != nil
        case .model:
            let data: DataSignature = switch id {
            case "logreg", "mlp": .dense(features: 3, classes: 2)
            case "charlm": .languageModel(vocabulary: 5, maxLength: 1)
            default: .tokens(vocabulary: 5, maxLength: 1, classes: 2)
            }
            let isTest = ModelRegistry.isTestFunction(id)
            return (try? ModelRegistry.make(id: id, params: Params(params), data: isTest ? .none : data)) != nil
        case .optimizer:
            return (try? OptimizerRegistry.validate(id: id, params: params)) != nil
        case .regularizer:
            return (try? RegularizerRegistry.make(id: id, params: Params(params))) != nil
        }
    }

    /// YAML text of a probe value that reads back as the same number (floats
    /// always carry a point and a signed exponent, as YAML 1.1 requires).
    static func yaml(_ value: ParamValue) -> String {
        switch value {
        case .double(let x): return String(format: "%.17e", x)
        case .intList(let l): return "[" + l.map(String.init).joined(separator: ", ") + "]"
        default: return value.description
        }
    }

    /// For every numeric parameter of every component: the values at each end
    /// of its range and just beyond are accepted or rejected alike by grid
    /// validation and by the component's registry, and a value outside the
    /// range is rejected by both.
    @Test(arguments: GridAxis.allCases)
    func gridAndComponentAgreeOnEveryBound(axis: GridAxis) throws {
        var probed = 0
        for declaration in Self.catalogs[axis].declarations {
            let required = Dictionary(uniqueKeysWithValues: declaration.params.filter { $0.defaultValue == .required }
                .map { ($0.name, ParamValue.string($0.name == "path" ? "x.csv" : "x.idx")) })
            for spec in declaration.params {
                for probe in spec.type.boundaryProbes {
                    let component = Self.componentAccepts(axis, declaration.id, required.overriding([spec.name: probe.value]))
                    let entry = Self.entry(declaration, extra: [spec.name: Self.yaml(probe.value)])
                    let text: String = switch axis {
                    case .dataset: Self.grid(dataset: entry, model: Self.model(forDataset: declaration.id))
                    case .model:
                        Self.grid(dataset: declaration.traits.contains(.testFunction) ? nil : Self.dataset(forModel: declaration.id),
                                  model: entry)
                    case .optimizer: Self.grid(dataset: nil, model: "rosenbrock", optimizer: entry)
                    case .regularizer: Self.grid(dataset: "digits", model: "mlp", regularizer: entry)
                    }
                    let grid = (try? Self.files.load(text, name: UUID().uuidString + ".yaml")) != nil
                    let what = "\(declaration.id).\(spec.name) = \(probe.value)"
                    #expect(grid == component, "\(what): grid \(grid), component \(component)")
                    if !probe.accepted { #expect(!grid && !component, "\(what) lies outside \(spec.type.summary)") }
                    probed += 1
                }
            }
        }
        #expect(probed > 0)
    }

    /// `bench catalog` lists exactly the registered components, each once.
    @Test func catalogCommandListsEveryRegisteredComponent() throws {
        let result = try BenchProcess.run(["catalog"], in: BenchProcess.repositoryRoot)
        #expect(result.status == 0)
        let listed = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("==") && $0.contains(":") }
            .map { String($0.prefix { $0 != ":" }) }
        let registered = GridAxis.allCases.flatMap { Self.catalogs[$0].ids }
        #expect(listed.sorted() == registered.sorted())
    }
}

private extension Dictionary where Key == String, Value == ParamValue {
    func overriding(_ other: [String: ParamValue]) -> [String: ParamValue] { merging(other) { $1 } }
}
