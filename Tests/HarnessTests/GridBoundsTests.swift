import Foundation
import Testing
@testable import GridLanguage
@testable import Harness

/// Grid files that would hang or exhaust memory are refused quickly, with a place.
@Suite struct GridBoundsTests {
    /// Nine levels of ten aliases each: 10^10 nodes once expanded, about 500 bytes of text.
    static func aliasBomb(tail: String) -> String {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...9 {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return (lines + [tail]).joined(separator: "\n") + "\n"
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombAsMappingKeyIsRefused() throws {
        let text = Self.aliasBomb(tail: "? *a9\n: 1")
        #expect(text.utf8.count < 600)
        let error = try #require(gridError(text))
        #expect(error.message.contains("too many YAML nodes"))
        #expect(error.file == "x.yaml")
        #expect(error.line == 6)
        #expect(error.column != nil)
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombAsValueIsRefused() throws {
        let error = try #require(gridError(Self.aliasBomb(tail: "name: bomb")))
        #expect(error.message.contains("too many YAML nodes"))
    }

    @Test func complexMappingKeyIsRefused() throws {
        let error = try #require(gridError("name: x\n? [a, b]\n: 1\n"))
        #expect(error.message.contains("keys must be plain names"))
        #expect(error.line == 2)
        #expect(error.column == 3)
    }

    @Test func aliasOfACollectionAsKeyIsRefused() throws {
        let error = try #require(gridError("a: &k {b: 1}\n? *k\n: 2\n"))
        #expect(error.message.contains("keys must be plain names"))
        #expect(error.line == 2)
    }

    @Test func modestAliasesStillLoad() throws {
        let grid = try parseGrid("""
        name: aliases
        models: [rosenbrock]
        optimizers: [{sgd: {lr: &rate 0.01}}, {adam: {lr: *rate}}]
        train: {steps: 10}
        """)
        #expect(grid.cells.count == 2)
    }

    static let sized = """
    name: sized
    models: [rosenbrock, beale]
    optimizers:
      - sgd: {lr: [0.1, 0.2, 0.3], momentum: [0.0, 0.9]}
      - adam
    seeds: [0, 1]
    train: {steps: 10}
    """

    @Test func cellCapRefusesBeforeExpansionWithTheCount() throws {
        // 2 models x (3 x 2 + 1) optimizers x 2 seeds = 28 cells.
        #expect(try parseGrid(Self.sized).cells.count == 28)
        #expect(try GridFile.parse(text: Self.sized, path: "x.yaml", baseDirectory: "/tmp", maxCells: 28).cells.count == 28)
        let error = #expect(throws: GridError.self) {
            try GridFile.parse(text: Self.sized, path: "x.yaml", baseDirectory: "/tmp", maxCells: 27)
        }
        #expect(error?.message.contains("28 cells") == true)
        #expect(error?.message.contains("--max-cells") == true)
    }

    @Test(.timeLimit(.minutes(1))) func billionCellGridIsRefusedByDefault() throws {
        let values = "[" + (1...1000).map { "0.\($0)" }.joined(separator: ", ") + "]"
        let seeds = "[" + (0..<1000).map(String.init).joined(separator: ", ") + "]"
        let text = "name: huge\nmodels: [rosenbrock]\noptimizers:\n  - sgd: {lr: \(values)}\nseeds: \(seeds)\n"
            + "train: {steps: 10}\n"
        let error = try #require(gridError(text))
        #expect(error.message.contains("1000000 cells"))
        #expect(error.message.contains("cap of 100000"))
    }

    @Test func listTypedParameterIsOneValueNotASubAxis() throws {
        let text = """
        name: lists
        datasets: [blobs]
        models: [{mlp: {hidden: [64, 32, 16, 8]}}]
        optimizers: [adam]
        train: {steps: 10, batch_size: 32}
        """
        #expect(try GridFile.parse(text: text, path: "x.yaml", baseDirectory: "/tmp", maxCells: 1).cells.count == 1)
    }
}
