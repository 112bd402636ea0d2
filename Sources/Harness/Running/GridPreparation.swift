import Datasets
import Foundation
import Recording
import GridLanguage

/// What `GridRunner.run` does before training anything: load each data set once,
/// build every cell's components against each other, and make sure the results
/// folder can be written. Any problem surfaces here, before a single run file exists.
extension GridRunner {
    /// The key of a cell's data set among the loaded ones: name and parameters, plus
    /// the seed for data sets generated from it.
    func datasetKey(_ cell: Cell) -> String? {
        guard let d = cell.dataset else { return nil }
        return d.canonicalName + "#" + (d.traits.contains(.seededData) ? String(cell.seed) : "")
    }

    /// Loads every data set the cells use, once per key.
    func loadDatasets(_ cells: [Cell]) throws -> [String: Dataset] {
        var loaded: [String: Dataset] = [:]
        for cell in cells {
            guard let spec = cell.dataset, let key = datasetKey(cell), loaded[key] == nil else { continue }
            do {
                loaded[key] = try DatasetRegistry.load(id: spec.id, params: spec.params,
                                                       seed: UInt64(cell.seed), dataRoot: dataRoot)
            } catch {
                throw HarnessError.input("\(grid.sourcePath): dataset \(spec.shortName): \(error)")
            }
        }
        return loaded
    }

    /// Builds every cell's components in its dtype, so an incompatible combination
    /// fails the whole grid up front rather than one run midway.
    func validate(_ cells: [Cell], _ datasets: [String: Dataset]) throws {
        for cell in cells {
            let dataset = datasetKey(cell).flatMap { datasets[$0] }
            try MemoryCheck.check(cell, loaded: dataset, limit: memoryLimit)
            do {
                switch cell.train.dtype {
                case .float64: _ = try CellComponents.build(cell, dataset: datasetKey(cell).flatMap { datasets[$0] }, scalar: Double.self)
                default: _ = try CellComponents.build(cell, dataset: datasetKey(cell).flatMap { datasets[$0] }, scalar: Float.self)
                }
            } catch {
                throw HarnessError.input("\(grid.sourcePath): cell \(cell.runId) (\(cell.displayName)): \(error)")
            }
        }
    }

    /// Creates `<results>/runs` and checks that it is writable; returns its URL.
    func prepareRunsDirectory() throws -> URL {
        let runsDir = layout.runsFolder
        do {
            try FileManager.default.createDirectory(at: runsDir, withIntermediateDirectories: true)
        } catch {
            throw HarnessError.io(path: runsDir.path, reason: error.localizedDescription)
        }
        guard access(runsDir.path, W_OK) == 0 else {
            throw HarnessError.io(path: runsDir.path, reason: "results folder is not writable")
        }
        return runsDir
    }
}
