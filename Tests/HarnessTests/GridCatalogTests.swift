import Support
import Testing
@testable import Harness

@Suite struct GridCatalogTests {
    /// Registry names of DESIGN section 5 (contract).
    @Test func catalogsHoldTheContractNames() {
        #expect(OptimizerCatalog.catalog.ids == ["sgd", "adagrad", "rmsprop", "adam", "adamw", "bfgs", "dfp", "sr1",
                                                  "lsr1", "lbfgs", "newton_cg"])
        #expect(ModelCatalog.catalog.ids == ["logreg", "mlp", "rnn", "cnn", "transformer", "charlm", "rosenbrock",
                                              "extended_rosenbrock", "powell_singular", "beale", "wood",
                                              "freudenstein_roth", "brown_badly_scaled", "helical_valley", "quadratic"])
        #expect(RegularizerCatalog.catalog.ids == ["none", "l1", "l2", "weight_decay", "rank1", "dropout", "batchnorm",
                                                    "layernorm", "grad_clip", "early_stopping", "label_smoothing"])
        #expect(DatasetCatalog.catalog.ids == ["digits", "digits_seq", "austen_books", "austen_charlm", "blobs",
                                                "spirals", "adding", "copy", "parity", "dyck", "negation_sentiment",
                                                "idx", "csv", "text"])
        let testFunctions = ModelCatalog.catalog.entries.filter { $0.traits.contains(.testFunction) }.map(\.id)
        #expect(testFunctions.count == 9 && testFunctions.first == "rosenbrock")
        let firstOrder = OptimizerCatalog.catalog.entries.filter { $0.traits.contains(.firstOrder) }.map(\.id)
        #expect(firstOrder == ["sgd", "adagrad", "rmsprop", "adam", "adamw"])
    }

    /// Defaults agreed with the optimizer, model, regularizer and dataset modules.
    @Test(arguments: [
        (GridAxis.optimizer, "sgd", "lr", ParamValue.double(0.01)),
        (.optimizer, "sgd", "nesterov", .bool(false)),
        (.optimizer, "adagrad", "eps", .double(1e-10)),
        (.optimizer, "rmsprop", "alpha", .double(0.99)),
        (.optimizer, "adam", "beta2", .double(0.999)),
        (.optimizer, "adamw", "weight_decay", .double(0.01)),
        (.optimizer, "adamw", "schedule", .string("constant")),
        (.optimizer, "bfgs", "curvature", .string("damped")),
        (.optimizer, "dfp", "curvature", .string("skip")),
        (.optimizer, "sr1", "eta", .double(1e-4)),
        (.optimizer, "sr1", "max_radius", .double(100)),
        (.optimizer, "lsr1", "history", .int(10)),
        (.optimizer, "lbfgs", "line_search", .string("strong_wolfe")),
        (.optimizer, "newton_cg", "cg_max_iter", .int(50)),
        (.model, "mlp", "hidden", .intList([128])),
        (.model, "cnn", "widths", .intList([3, 4, 5])),
        (.model, "rnn", "hidden", .int(64)),
        (.model, "charlm", "hidden", .int(128)),
        (.model, "transformer", "max_len", .int(512)),
        (.model, "quadratic", "condition", .double(100)),
        (.regularizer, "dropout", "p", .double(0.5)),
        (.regularizer, "batchnorm", "momentum", .double(0.1)),
        (.regularizer, "early_stopping", "patience", .int(3)),
        (.regularizer, "label_smoothing", "eps", .double(0.1)),
        (.dataset, "austen_books", "max_vocab", .int(5000)),
        (.dataset, "blobs", "n", .int(600)),
        (.dataset, "copy", "delay", .int(5)),
        (.dataset, "dyck", "length", .int(12)),
    ])
    func contractDefaults(_ axis: GridAxis, _ id: String, _ param: String, _ value: ParamValue) throws {
        let entry = try #require(axis.catalog.entry(id))
        #expect(entry.param(param)?.defaultValue == .value(value))
    }

    /// Every component without required parameters loads as a bare name, and
    /// its defaults satisfy its own rules.
    @Test func everyEntryLoadsWithDefaults() throws {
        for axis in GridAxis.allCases {
            for entry in axis.catalog.entries where !entry.params.contains(where: { $0.defaultValue == .required }) {
                let isTest = entry.traits.contains(.testFunction)
                var lines = ["name: each"]
                if axis == .dataset { lines.append("datasets: [\(entry.id)]") }
                else if axis != .model || !isTest { lines.append("datasets: [digits]") }
                lines.append("models: [\(axis == .model ? entry.id : "mlp")]")
                lines.append("optimizers: [\(axis == .optimizer ? entry.id : "sgd")]")
                if axis == .regularizer { lines.append("regularizers: [\(entry.id)]") }
                lines.append(isTest ? "train: {steps: 5}" : "train: {steps: 5, batch_size: 4}")
                let grid = try parseGrid(lines.joined(separator: "\n"))
                let cell = try #require(grid.cells.first)
                let spec: ComponentSpec? = switch axis {
                case .dataset: cell.dataset
                case .model: cell.model
                case .optimizer: cell.optimizer
                case .regularizer: cell.regularizers.first
                }
                if entry.id == "none" { #expect(cell.regularizers.isEmpty); continue }
                #expect(spec?.shortName == entry.id)
                let withDefaults = entry.params.filter { if case .value = $0.defaultValue { true } else { false } }
                #expect(spec.map { Set($0.params.keys) } == Set(withDefaults.map(\.name)), "\(entry.id)")
            }
        }
    }

    @Test func referenceListsParametersWithDefaults() {
        let text = OptimizerCatalog.catalog.reference
        #expect(text.contains("adam: Adam with bias correction (Kingma and Ba 2015)"))
        #expect(text.contains("  lr (number > 0; default 0.001): learning rate"))
        #expect(text.contains("  line_search (one of armijo, strong_wolfe, none; default strong_wolfe)"))
        #expect(DatasetCatalog.catalog.reference.contains("  images (file path; required): training images"))
    }
}
