import Support
import Foundation
import Testing
@testable import GridLanguage
@testable import Harness

@Suite struct GridRunIdTests {
    static let original = """
        name: stable
        description: order must not matter
        datasets: [digits, {blobs: {classes: 4, n: 300}}]
        models:
          - logreg
          - mlp: {hidden: [[32], [64, 32]], activation: tanh}
        optimizers:
          - sgd: {lr: [0.1, 0.01], momentum: 0.9}
          - adam: {beta2: 0.99, lr: 1}
        regularizers:
          - none
          - {dropout: {p: 0.1}, grad_clip: {max_norm: 2}}
        seeds: [0, 1]
        train: {steps: 40, batch_size: 16, dtype: float64}
        """

    /// The same grid with every list and mapping reordered, integers written
    /// as decimals and a different name.
    static let reordered = """
        train: {dtype: float64, batch_size: 16, steps: 40}
        seeds: [1, 0]
        regularizers:
          - {grad_clip: {max_norm: 2.0}, dropout: {p: 0.1}}
          - none
        optimizers:
          - adam: {lr: 1.0, beta2: 0.99}
          - sgd: {momentum: 0.9, lr: [0.01, 0.1]}
        models:
          - mlp: {activation: tanh, hidden: [[64, 32], [32]]}
          - logreg
        datasets: [{blobs: {n: 300, classes: 4}}, digits]
        name: stable_renamed
        """

    @Test func reorderingEntriesAndKeysKeepsRunIds() throws {
        let a = try parseGrid(Self.original)
        let b = try parseGrid(Self.reordered)
        // 2 datasets x 3 models x 3 optimizers x 2 regularizers x 2 seeds
        #expect(a.cells.count == 72)
        #expect(Set(a.cells.map(\.runId)).count == 72)
        #expect(Set(a.cells.map(\.runId)) == Set(b.cells.map(\.runId)))
        #expect(Set(a.cells.map(\.canonicalJSON)) == Set(b.cells.map(\.canonicalJSON)))
        #expect(a.cells.map(\.runId) != b.cells.map(\.runId))  // but the order follows each file
    }

    @Test func runIdsDifferWhenAnythingThatChangesNumbersDiffers() throws {
        let base = """
            name: base
            datasets: [{blobs: {spread: 0.5}}]
            models: [{mlp: {hidden: [16]}}]
            optimizers: [{adam: {lr: 0.01}}]
            regularizers: [{l2: {lambda: 0.001}}]
            seeds: [0]
            train: {steps: 40, batch_size: 16}
            """
        let variants: [(String, String)] = [
            ("spread: 0.5", "spread: 0.25"), ("hidden: [16]", "hidden: [17]"), ("lr: 0.01", "lr: 0.02"),
            ("lambda: 0.001", "lambda: 0.002"), ("seeds: [0]", "seeds: [1]"), ("steps: 40", "steps: 41"),
            ("batch_size: 16", "batch_size: full"), ("batch_size: 16", "batch_size: 16, dtype: float64"),
            ("batch_size: 16", "batch_size: 16, eval_every: 3"), ("{l2: {lambda: 0.001}}", "{l1: {lambda: 0.001}}"),
            ("{l2: {lambda: 0.001}}", "{l2: {lambda: 0.001}, dropout: {}}"), ("{blobs: {spread: 0.5}}", "spirals"),
            ("{adam: {lr: 0.01}}", "{adamw: {lr: 0.01}}"), ("lr: 0.01", "lr: 0.01, schedule: cosine"),
            ("batch_size: 16", "batch_size: 16, max_evaluations: 100"),
            ("batch_size: 16", "batch_size: 16, diagnostics: {hessian: {}}"),
        ]
        var ids = [try parseGrid(base).cells[0].runId]
        for (from, to) in variants {
            #expect(base.contains(from))
            ids.append(try parseGrid(base.replacingOccurrences(of: from, with: to)).cells[0].runId)
        }
        #expect(Set(ids).count == variants.count + 1)
    }

    @Test func settingsThatDoNotChangeNumbersKeepRunIds() throws {
        let base = "name: a\nmodels: [wood]\noptimizers: [{sgd: {lr: 0.001}}]\ntrain: {steps: 30}\n"
        let id = try parseGrid(base).cells[0].runId
        let same = [
            base.replacingOccurrences(of: "name: a", with: "name: b\ndescription: other words"),
            base.replacingOccurrences(of: "steps: 30", with: "steps: 30, threads: 2, time_limit: 5"),
            base.replacingOccurrences(of: "steps: 30", with: "steps: 30, batch_size: full"),
            base.replacingOccurrences(of: "steps: 30", with: "steps: 30, eval_every: 1"),  // default max(1, 30/20)
            base.replacingOccurrences(of: "lr: 0.001", with: "lr: 1.0e-3, momentum: 0"),
            base.replacingOccurrences(of: "\ntrain", with: "\nregularizers: [none]\nseeds: [0]\ntrain"),
        ]
        for text in same { #expect(try parseGrid(text).cells[0].runId == id) }
    }
}
