import Foundation
import Testing
@testable import Harness

/// Sizes that cannot be allocated are refused at grid validation with the
/// entry's place and the estimate, instead of trapping on allocation.
@Suite struct MemoryEstimateTests {
    let limit = MemoryLimit(bytes: 16 * 0x1p30, origin: "test")

    func refusal(_ yaml: String) throws -> GridError? {
        let grid = try GridFile.parse(text: yaml, path: "g.yaml", baseDirectory: "/tmp")
        do { try MemoryCheck.check(grid, limit: limit) } catch { return error }
        return nil
    }

    @Test func hugeHiddenLayersAreRefusedAtTheModel() throws {
        let e = try #require(try refusal("""
            name: g
            datasets: [digits]
            models:
              - mlp: {hidden: [100000, 100000]}
            optimizers: [adam]
            train: {steps: 1, batch_size: 8}
            """))
        #expect(e.line == 4 && e.column == 5 && e.keyPath == "models[0]")
        #expect(e.message.contains("needs about") && e.message.contains("parameters"))
    }

    @Test func hugeQuadraticIsRefused() throws {
        let e = try #require(try refusal("""
            name: g
            models:
              - quadratic: {n: 1000000000}
            optimizers: [sgd]
            train: {steps: 1}
            """))
        #expect(e.keyPath == "models[0]" && e.line == 3)
    }

    @Test func hugeBlobsAreRefusedAtTheDataSet() throws {
        let e = try #require(try refusal("""
            name: g
            datasets:
              - blobs: {n: 1000000, dim: 10000}
            models: [logreg]
            optimizers: [adam]
            train: {steps: 1, batch_size: 8}
            """))
        #expect(e.keyPath == "datasets[0]" && e.message.contains("mostly data"))
    }

    @Test func denseMatrixIsBlamedOnTheOptimizer() throws {
        let e = try #require(try refusal("""
            name: g
            datasets: [digits]
            models:
              - mlp: {hidden: [100000]}
            optimizers:
              - bfgs: {max_memory_mb: 100000000}
            train: {steps: 1, batch_size: 8}
            """))
        #expect(e.keyPath == "optimizers[0]" && e.message.contains("dense"))
    }

    @Test func everyShippedGridFitsTheDefaultLimit() throws {
        let folder = BenchProcess.repositoryRoot.appendingPathComponent("experiments")
        let grids = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!grids.isEmpty)
        for name in grids {
            let grid = try GridFile.load(path: folder.appendingPathComponent(name).path)
            try MemoryCheck.check(grid, limit: MemoryLimit(bytes: 4 * 0x1p30, origin: "test"))
        }
    }

    @Test func limitParsing() throws {
        #expect(try MemoryLimit(parsing: "4G").bytes == 4 * 0x1p30)
        #expect(try MemoryLimit(parsing: "512MiB").bytes == 512 * 0x1p20)
        #expect(try MemoryLimit(parsing: "1000").bytes == 1000)
        #expect(try MemoryLimit(parsing: "50%").bytes == 0.5 * Double(ProcessInfo.processInfo.physicalMemory))
        for bad in ["", "x", "-1G", "0", "200%", "nanG"] {
            #expect(throws: HarnessError.self) { try MemoryLimit(parsing: bad) }
        }
    }

    @Test func hugeShardCountIsCheap() throws {
        let grid = try GridFile.parse(text: "name: g\nmodels: [rosenbrock, beale]\noptimizers: [sgd, adam]\ntrain: {steps: 1}\n",
                                      path: "g.yaml", baseDirectory: "/tmp")
        let many = Shard(index: 0, count: 4_000_000_000)
        #expect(many.select(grid.cells).count == 1)
        let assignment = Shard.assign(grid.cells, shards: 4_000_000_000)
        #expect(Set(assignment.values) == [0, 1, 2, 3])
        #expect(Shard.assign(grid.cells, shards: 4) == assignment)
    }

    @Test func benchListRefusesAndWritesNothing() throws {
        let dir = try BenchProcess.temporaryDirectory("memory")
        let grid = dir.appendingPathComponent("big.yaml")
        try "name: big\ndatasets: [digits]\nmodels:\n  - mlp: {hidden: [100000, 100000]}\noptimizers: [adam]\ntrain: {steps: 1, batch_size: 8}\n"
            .write(to: grid, atomically: true, encoding: .utf8)
        for command in [["list", grid.path], ["run", grid.path, "--max-memory", "64G"]] {
            let r = try BenchProcess.run(command, in: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains("big.yaml:4:5: error: models[0]: cell"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["big.yaml"])
        let r = try BenchProcess.run(["list", grid.path, "--max-memory", "lots"], in: dir)
        #expect(r.status == 2 && r.stderr.contains("--max-memory"))
    }
}
