import Datasets
import Optimizers
import Regularizers
import Foundation
import Testing
@testable import Harness

/// Every component the grid catalog accepts, with its resolved defaults, is also
/// accepted by the registry that builds it, so a grid that validates never fails
/// later for a parameter the catalog and the registry disagree on.
@Suite struct CatalogConsistencyTests {
    static let dataRoot = BenchProcess.repositoryRoot.appendingPathComponent("experiments/data")

    func buildAll(_ yaml: String) throws -> Int {
        let grid = try GridFile.parse(text: yaml, path: "consistency.yaml", baseDirectory: "/tmp")
        var loaded: [String: Dataset] = [:]
        for cell in grid.cells {
            var data: Dataset? = nil
            if let d = cell.dataset {
                if loaded[d.canonicalName] == nil {
                    loaded[d.canonicalName] = try DatasetRegistry.load(id: d.id, params: ParamBridge.dataset(d.params),
                                                                       seed: 0, dataRoot: Self.dataRoot)
                }
                data = loaded[d.canonicalName]
            }
            _ = try CellComponents.build(cell, dataset: data, scalar: Double.self)
        }
        return grid.cells.count
    }

    @Test func everyOptimizerBuildsOnATestFunction() throws {
        let ids = OptimizerCatalog.catalog.ids
        let yaml = "name: c\nmodels: [rosenbrock]\noptimizers: [\(ids.joined(separator: ", "))]\ntrain: {steps: 1}\n"
        #expect(try buildAll(yaml) == ids.count)
    }

    @Test func everyTestFunctionBuilds() throws {
        let ids = ModelCatalog.catalog.entries.filter { $0.traits.contains(.testFunction) }.map(\.id)
        #expect(ids.count == 9)
        let yaml = "name: c\nmodels: [\(ids.joined(separator: ", "))]\noptimizers: [lbfgs]\ntrain: {steps: 1}\n"
        #expect(try buildAll(yaml) == ids.count)
    }

    @Test func everyModelBuildsOnItsData() throws {
        let yaml = """
        name: c
        datasets: [digits, digits_seq, austen_books, austen_charlm]
        models: [logreg, mlp, rnn, cnn, transformer, charlm]
        optimizers: [sgd]
        exclude:
          - {dataset: digits, model: [rnn, cnn, transformer, charlm]}
          - {dataset: digits_seq, model: [logreg, mlp, cnn, transformer, charlm]}
          - {dataset: austen_books, model: [logreg, mlp, charlm]}
          - {dataset: austen_charlm, model: [logreg, mlp, rnn, cnn, transformer]}
        train: {steps: 1, batch_size: 8}
        """
        #expect(try buildAll(yaml) == 7)
    }

    @Test func everyRegularizerBuildsOnAnMLP() throws {
        let yaml = """
        name: c
        datasets: [digits]
        models: [mlp]
        optimizers: [sgd]
        regularizers: [none, l1, l2, weight_decay, rank1, dropout, batchnorm, layernorm, {grad_clip: {max_norm: 1.0}},
                       {grad_clip: {max_value: 0.5}}, early_stopping, label_smoothing]
        train: {steps: 1, batch_size: 8}
        """
        #expect(try buildAll(yaml) == 12)
    }

    /// Values at and around the usual bounds (0, 1) and far from them.
    static let probes: [Double] = [-1, 0, 1e-9, 0.5, 1, 1.5, 1e6]
    static let integerProbes = [0, 1, 2, 1000]

    /// Builds every cell of `yaml` when the grid parser accepts it; returns the
    /// registry's error when the catalog accepted a value the registry refuses,
    /// and nil when both accept or the catalog already refused.
    func disagreement(_ yaml: String) -> String? {
        guard (try? GridFile.parse(text: yaml, path: "probe.yaml", baseDirectory: "/tmp")) != nil else { return nil }
        do { _ = try buildAll(yaml); return nil } catch { return "\(error)" }
    }

    /// Probe values for a numeric parameter, rendered as YAML scalars.
    func probeValues(_ spec: ParamSpec) -> [String] {
        switch spec.type {
        case .double: return Self.probes.map { "\($0)" }
        case .int: return Self.integerProbes.map { "\($0)" }
        default: return []
        }
    }

    /// Every numeric optimizer parameter value the catalog accepts, the optimizer
    /// registry accepts too (a grid that validates cannot fail at run time).
    @Test func optimizerParameterBoundsAgreeWithTheRegistry() {
        var failures: [String] = []
        for entry in OptimizerCatalog.catalog.entries {
            for spec in entry.params {
                for value in probeValues(spec) {
                    let yaml = "name: c\nmodels: [rosenbrock]\noptimizers: [{\(entry.id): {\(spec.name): \(value)}}]\ntrain: {steps: 1}\n"
                    if let e = disagreement(yaml) { failures.append("\(entry.id).\(spec.name)=\(value): \(e)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The same for regularizer parameters (on an MLP, which every regularizer applies to).
    @Test func regularizerParameterBoundsAgreeWithTheRegistry() {
        var failures: [String] = []
        for entry in RegularizerCatalog.catalog.entries {
            for spec in entry.params {
                for value in probeValues(spec) {
                    let yaml = """
                    name: c
                    datasets: [digits]
                    models: [mlp]
                    optimizers: [sgd]
                    regularizers: [{\(entry.id): {\(spec.name): \(value)}}]
                    train: {steps: 1, batch_size: 8}
                    """
                    if let e = disagreement(yaml) { failures.append("\(entry.id).\(spec.name)=\(value): \(e)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Catalog parameter names match the registries' own parameter lists, so no
    /// parameter a component understands is unreachable from a grid file.
    @Test func parameterNamesMatchTheRegistries() throws {
        for entry in RegularizerCatalog.catalog.entries {
            let own = Set(RegularizerRegistry.rules(id: entry.id).map(\.key))
            #expect(Set(entry.params.map(\.name)) == own, "regularizer \(entry.id)")
        }
        for entry in OptimizerCatalog.catalog.entries {
            // total_steps is filled in from the grid's train.steps, never written by hand.
            let own = Set(try OptimizerRegistry.parameterSpecs(id: entry.id).map(\.name)).subtracting(["total_steps"])
            #expect(own == Set(entry.params.map(\.name)), "optimizer \(entry.id): registry has \(own.sorted())")
        }
    }

    /// Two printed defaults are the same value (512 and 512.0 count as equal).
    func same(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        if let x = Double(a), let y = Double(b) { return x == y }
        return a == b
    }

    /// Defaults agree, so a component built outside a grid behaves as the grid's
    /// canonical name says.
    @Test func defaultsMatchTheRegistries() throws {
        for entry in RegularizerCatalog.catalog.entries {
            let own = RegularizerRegistry.defaults(id: entry.id)
            for spec in entry.params {
                // grad_clip's max_norm applies only when max_value is absent (a catalog rule).
                guard case .value(let v) = spec.defaultValue, !(entry.id == "grad_clip" && spec.name == "max_norm") else { continue }
                #expect(same(own[spec.name].map { "\($0)" }, "\(v)"), "regularizer \(entry.id).\(spec.name)")
            }
        }
        for entry in OptimizerCatalog.catalog.entries {
            let own = try OptimizerRegistry.defaults(id: entry.id)
            for spec in entry.params {
                guard case .value(let v) = spec.defaultValue else { continue }
                #expect(same(own[spec.name].map { "\($0)" }, "\(v)"), "optimizer \(entry.id).\(spec.name): \(String(describing: own[spec.name]))")
            }
        }
    }

    /// Batch and layer normalization apply to the recurrent classifier as well as the MLP.
    @Test func normalizationBuildsOnTheRecurrentClassifier() throws {
        let yaml = """
        name: c
        datasets: [digits_seq]
        models: [{rnn: {cell: gru, hidden: 8}}]
        optimizers: [sgd]
        regularizers: [batchnorm, layernorm]
        train: {steps: 1, batch_size: 8}
        """
        #expect(try buildAll(yaml) == 2)
    }
}
