import Datasets
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
}
