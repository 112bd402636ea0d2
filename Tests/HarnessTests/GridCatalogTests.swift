import Foundation
import Support
import Testing
@testable import GridLanguage
@testable import Harness

@Suite struct GridCatalogTests {
    static let catalogs = ComponentCatalogs.registered

    /// Registry names of DESIGN section 5 (contract), in catalog order.
    @Test func catalogsHoldTheContractNames() {
        #expect(Self.catalogs.optimizers.ids == ["sgd", "adagrad", "rmsprop", "adam", "adamw", "bfgs", "dfp", "sr1",
                                                 "lsr1", "lbfgs", "newton_cg", "seed_rank1", "adahessian", "sophia",
                                                 "olbfgs", "sqn", "hessian_free", "shampoo"])
        #expect(Self.catalogs.models.ids == ["logreg", "mlp", "rnn", "cnn", "transformer", "charlm", "rosenbrock",
                                             "extended_rosenbrock", "powell_singular", "beale", "wood",
                                             "freudenstein_roth", "brown_badly_scaled", "helical_valley", "quadratic"])
        #expect(Self.catalogs.regularizers.ids == ["none", "l2", "l1", "weight_decay", "rank1", "dropout", "batchnorm",
                                                   "layernorm", "grad_clip", "early_stopping", "label_smoothing"])
        #expect(Self.catalogs.datasets.ids == ["digits", "digits_seq", "austen_books", "austen_charlm", "blobs",
                                               "spirals", "adding", "copy", "parity", "dyck", "negation_sentiment",
                                               "idx", "csv", "text"])
        let testFunctions = Self.catalogs.models.declarations.filter { $0.traits.contains(.testFunction) }.map(\.id)
        #expect(testFunctions.count == 9 && testFunctions.first == "rosenbrock")
        let firstOrder = Self.catalogs.optimizers.declarations.filter { $0.family == .firstOrder }.map(\.id)
        #expect(firstOrder == ["sgd", "adagrad", "rmsprop", "adam", "adamw", "seed_rank1", "shampoo"])
        #expect(Self.catalogs.optimizers.declarations.filter { $0.family == .secondOrder }.map(\.id) == ["newton_cg", "adahessian", "sophia", "hessian_free"])
    }

    /// Defaults grids run (stored results depend on them; change only with an engine version bump).
    @Test(arguments: [
        (GridAxis.optimizer, "sgd", "lr", ParamValue.double(0.01)),
        (.optimizer, "sgd", "nesterov", .bool(false)),
        (.optimizer, "adagrad", "eps", .double(1e-10)),
        (.optimizer, "rmsprop", "alpha", .double(0.99)),
        (.optimizer, "adam", "beta2", .double(0.999)),
        (.optimizer, "adamw", "weight_decay", .double(0.01)),
        (.optimizer, "adamw", "schedule", .string("constant")),
        (.optimizer, "bfgs", "curvature", .string("damped")),
        (.optimizer, "bfgs", "max_memory_mb", .int(512)),
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
        (.model, "quadratic", "rotate", .bool(true)),
        (.regularizer, "dropout", "p", .double(0.5)),
        (.regularizer, "batchnorm", "momentum", .double(0.1)),
        (.regularizer, "early_stopping", "patience", .int(3)),
        (.regularizer, "label_smoothing", "eps", .double(0.1)),
        (.regularizer, "grad_clip", "max_norm", .double(1)),
        (.dataset, "austen_books", "max_vocab", .int(5000)),
        (.dataset, "blobs", "n", .int(600)),
        (.dataset, "spirals", "n", .int(600)),
        (.dataset, "spirals", "noise", .double(0.1)),
        (.dataset, "adding", "length", .int(30)),
        (.dataset, "copy", "delay", .int(5)),
        (.dataset, "dyck", "max_length", .int(20)),
        (.dataset, "text", "max_chars", .int(200_000)),
    ])
    func contractDefaults(_ axis: GridAxis, _ id: String, _ param: String, _ value: ParamValue) throws {
        let entry = try #require(Self.catalogs[axis].entry(id))
        #expect(entry.param(param)?.defaultValue == .value(value))
    }

    /// Parameters that became settable after results were stored stay out of
    /// run ids at their defaults, and enter them when set.
    @Test func laterParametersEnterRunIdsOnlyWhenSet() throws {
        let plain = try parseGrid("name: q\nmodels: [quadratic]\noptimizers: [lbfgs]\ntrain: {steps: 3}\n")
        let explicit = try parseGrid("name: q\nmodels: [{quadratic: {rotate: true}}]\noptimizers: [lbfgs]\ntrain: {steps: 3}\n")
        let unrotated = try parseGrid("name: q\nmodels: [{quadratic: {rotate: false}}]\noptimizers: [lbfgs]\ntrain: {steps: 3}\n")
        #expect(plain.cells[0].runId == explicit.cells[0].runId)
        #expect(plain.cells[0].runId != unrotated.cells[0].runId)
        #expect(plain.cells[0].model.params["rotate"] == .bool(true))
        #expect(!plain.cells[0].canonicalJSON.contains("rotate"))
        #expect(unrotated.cells[0].canonicalJSON.contains("\"rotate\":false"))
    }

    @Test func referenceListsParametersWithDefaults() {
        let text = Self.catalogs.optimizers.reference
        #expect(text.contains("adam: Adam with bias correction (Kingma and Ba 2015)"))
        #expect(text.contains("  lr (number > 0; default 0.001): learning rate"))
        #expect(text.contains("  line_search (one of armijo, strong_wolfe, none; default strong_wolfe)"))
        #expect(Self.catalogs.datasets.reference.contains("  images (file path; required): training images"))
    }
}

/// The README's parameter tables are the catalog's own rendering, so they
/// cannot drift from the declarations.
@Suite struct ReadmeParameterTablesTests {
    @Test func readmeTablesMatchTheDeclarations() throws {
        let readme = try String(contentsOf: BenchProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- catalog:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- catalog:end -->"))
        let tables = String(readme[begin.upperBound..<end.lowerBound])
        #expect(tables == ComponentCatalogs.registered.markdown,
                "README.md's parameter reference is out of date: run `bench catalog --markdown` and paste it between the markers")
    }
}
