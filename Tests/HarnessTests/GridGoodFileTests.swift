import Support
import Foundation
import Testing
@testable import GridLanguage
@testable import Harness

@Suite struct GridGoodFileTests {
    /// The example grid of DESIGN section 5.
    static let quickstart = """
        name: quickstart
        datasets: [digits]
        models:
          - logreg
          - mlp: {hidden: [128], activation: relu}
        optimizers:
          - sgd: {lr: [0.1, 0.03], momentum: 0.9}
          - adam: {lr: 0.001}
          - lbfgs: {history: 10, line_search: strong_wolfe}
        regularizers:
          - none
          - l2: {lambda: 1.0e-4}
          - {dropout: {p: 0.2}, grad_clip: {max_norm: 1.0}}
        seeds: [0, 1, 2]
        train:
          steps: 300
          batch_size: 64
          eval_every: 25
          dtype: float32
        exclude:
          - {optimizer: lbfgs, regularizer: dropout}
        """

    @Test func quickstartExpandsAndExcludes() throws {
        let grid = try GridScratch().load(Self.quickstart)
        // 1 dataset x 2 models x 4 optimizers (sgd lr sub-axis gives 2) x 3 regularizers x 3 seeds = 72;
        // lbfgs with the dropout combination: 2 models x 3 seeds = 6 excluded.
        #expect(grid.cells.count == 66)
        #expect(grid.excludedCount == 6)
        #expect(grid.name == "quickstart")
        #expect(!grid.cells.contains { $0.optimizer.id == "lbfgs" && $0.regularizerId == "dropout+grad_clip" })
        #expect(grid.cells.contains { $0.optimizer.id == "lbfgs" && $0.regularizerId == "l2" })

        // Order: dataset > model > optimizer > regularizer > seed.
        let first = grid.cells[0]
        #expect(first.model.shortName == "logreg")
        #expect(first.optimizer.shortName == "sgd(lr=0.1,momentum=0.9)")
        #expect(first.regularizerName == "none")
        #expect(grid.cells.prefix(3).map(\.seed) == [0, 1, 2])
        #expect(grid.cells[3].regularizerName == "l2(lambda=0.0001)")
        #expect(grid.cells[6].regularizerName == "dropout(p=0.2)+grad_clip(max_norm=1.0)")
        #expect(grid.cells[9].optimizer.shortName == "sgd(lr=0.03,momentum=0.9)")
        #expect(grid.cells.last!.model.shortName == "mlp(activation=relu,hidden=[128])")
        #expect(grid.cells.last!.optimizer.id == "lbfgs")
        #expect(grid.cells.last!.regularizerId == "l2")

        #expect(grid.train.steps == 300)
        #expect(grid.train.batchSize == 64)
        #expect(grid.train.evalEvery == 25)
        #expect(grid.train.dtype == .float32)
        #expect(Set(grid.cells.map(\.runId)).count == grid.cells.count)
    }

    @Test func testFunctionGridNeedsNoDatasets() throws {
        let grid = try parseGrid("""
            name: classic
            models:
              - rosenbrock
              - extended_rosenbrock: {n: [4, 10]}
              - quadratic: {condition: 1000}
            optimizers: [bfgs, lbfgs]
            regularizers: [none, {l2: {lambda: 0.01}}]
            train: {steps: 100}
            """)
        // 4 models x 2 optimizers x 2 regularizers x 1 seed.
        #expect(grid.cells.count == 16)
        #expect(grid.cells.allSatisfy { $0.dataset == nil && $0.isTestFunction && $0.datasetName == "none" })
        #expect(grid.train.batchSize == nil)
        #expect(grid.train.evalEvery == 5)  // max(1, 100 / 20)
        #expect(grid.cells.map(\.model.shortName).filter { $0.hasPrefix("extended") }
            == Array(repeating: "extended_rosenbrock(n=4)", count: 4) + Array(repeating: "extended_rosenbrock(n=10)", count: 4))
        let quadratic = grid.cells.last!.model
        #expect(quadratic.params == ["n": .int(10), "condition": .double(1000), "rotate": .bool(true)])
        #expect(quadratic.canonicalName == "quadratic(condition=1000.0,n=10)")
        #expect(grid.cells[0].model.canonicalName == "rosenbrock")
    }

    @Test func subAxesAreCartesianInFileOrder() throws {
        let grid = try parseGrid("""
            name: sweep
            datasets: [blobs]
            models:
              - mlp: {hidden: [[64], [128, 64]], activation: [relu, tanh]}
              - mlp: {hidden: [32, 16]}
            optimizers:
              - adam: {lr: [0.01, 0.001, 0.0001], beta1: [0.8, 0.9]}
            train: {steps: 10, batch_size: full}
            """)
        #expect(grid.cells.count == 5 * 6)
        let models = grid.cells.map(\.model.shortName).enumerated().filter { $0.offset % 6 == 0 }.map(\.element)
        #expect(models == ["mlp(activation=relu,hidden=[64])", "mlp(activation=tanh,hidden=[64])",
                           "mlp(activation=relu,hidden=[128,64])", "mlp(activation=tanh,hidden=[128,64])",
                           "mlp(hidden=[32,16])"])
        #expect(grid.cells[24].model.intList("hidden") == [32, 16])
        #expect(grid.cells.prefix(6).map(\.optimizer.shortName) == [
            "adam(beta1=0.8,lr=0.01)", "adam(beta1=0.9,lr=0.01)",
            "adam(beta1=0.8,lr=0.001)", "adam(beta1=0.9,lr=0.001)",
            "adam(beta1=0.8,lr=0.0001)", "adam(beta1=0.9,lr=0.0001)",
        ])
        #expect(grid.train.batchSize == nil)
    }

    @Test func combinedRegularizersExpandAndSortById() throws {
        let grid = try parseGrid("""
            name: combo
            datasets: [digits]
            models: [mlp]
            optimizers: [sgd]
            regularizers:
              - {grad_clip: {max_value: 0.5}, dropout: {p: [0.1, 0.5]}}
              - {rank1: {mu: 0.001}, batchnorm: {}, early_stopping: {patience: 3}}
            train: {steps: 20, batch_size: 16}
            """)
        #expect(grid.cells.count == 3)
        #expect(grid.cells.map(\.regularizerId) == ["dropout+grad_clip", "dropout+grad_clip",
                                                     "batchnorm+early_stopping+rank1"])
        #expect(grid.cells.map(\.regularizerName) == ["dropout(p=0.1)+grad_clip(max_value=0.5)",
                                                       "dropout(p=0.5)+grad_clip(max_value=0.5)",
                                                       "batchnorm+early_stopping(patience=3)+rank1(mu=0.001)"])
        let clip = grid.cells[0].regularizers[1]
        // max_value replaces the max_norm default.
        #expect(clip.params == ["max_value": .double(0.5)])
        #expect(grid.cells[2].regularizers[2].params == ["include_bias": .bool(false), "lambda": .double(1e-4),
                                                          "mu": .double(0.001)])
        #expect(grid.cells[2].regularizerCanonicalName
            == "batchnorm(eps=1e-05,momentum=0.1)+early_stopping(min_delta=0.0,patience=3)"
            + "+rank1(include_bias=false,lambda=0.0001,mu=0.001)")
    }

    @Test func defaultsAreResolved() throws {
        let grid = try parseGrid("""
            name: defaults
            datasets: [austen_charlm]
            models: [charlm, {transformer: {}}]
            optimizers: [adam, {bfgs: }]
            train: {epochs: 2, batch_size: 32}
            """)
        #expect(grid.cells.count == 4)
        let adam = grid.cells[0].optimizer
        #expect(adam.userParams.isEmpty)
        #expect(adam.shortName == "adam")
        #expect(adam.canonicalName == "adam(beta1=0.9,beta2=0.999,eps=1e-08,gamma=0.1,lr=0.001,"
                + "schedule=constant,step_size=100,warmup_steps=0)")
        #expect(adam.paramsJSON == #"{"beta1":0.9,"beta2":0.999,"eps":1e-08,"gamma":0.1,"lr":0.001,"#
                + #""schedule":"constant","step_size":100,"warmup_steps":0}"#)
        let bfgs = grid.cells[1].optimizer
        #expect(bfgs.params == ["lr": .double(1), "line_search": .string("strong_wolfe"),
                                "curvature": .string("damped"), "max_memory_mb": .int(512)])
        #expect(grid.cells[0].dataset!.params == ["book": .string("pride_and_prejudice"), "seq_len": .int(64),
                                                  "max_chars": .int(200_000)])
        #expect(grid.cells[0].model.params["cell"] == .string("lstm"))
        #expect(grid.cells[2].model.int("heads") == 4 && grid.cells[2].model.int("d_model") == 32)
        #expect(grid.cells[0].regularizers.isEmpty)
        #expect(grid.cells.map(\.seed) == [0, 0, 0, 0])
        #expect(grid.train.epochs == 2 && grid.train.steps == nil)
        #expect(grid.train.evalEvery == nil)
        #expect(grid.train.evalEvery(totalSteps: 1000) == 50)
        #expect(grid.train.dtype == .float32)
        #expect(grid.train.diagnostics == nil)
    }

    @Test func canonicalJSONAndRunIdOfOneCell() throws {
        let grid = try parseGrid("""
            name: one
            datasets: [digits]
            models: [logreg]
            optimizers: [{sgd: {lr: 0.1}}]
            train: {steps: 100, batch_size: 32}
            """)
        let cell = try #require(grid.cells.first)
        let expected = #"{"dataset":{"id":"digits","params":{}},"model":{"id":"logreg","params":{"init":"torch"}},"#
            + #""optimizer":{"id":"sgd","params":{"dampening":0.0,"gamma":0.1,"lr":0.1,"momentum":0.0,"#
            + #""nesterov":false,"schedule":"constant","step_size":100,"warmup_steps":0}},"regularizers":[],"#
            + #""seed":0,"train":{"batch_size":32,"dtype":"float32","eval_every":5,"steps":100}}"#
        #expect(cell.canonicalJSON == expected)
        // Reference digest from coreutils: printf '%s' "$json" | sha256sum
        #expect(cell.runId == "ec7a2472f477330d")
    }

    @Test func excludeByCanonicalNameSeedAndAlternatives() throws {
        let grid = try parseGrid("""
            name: ex
            datasets: [spirals, {blobs: {classes: 4}}]
            models: [logreg]
            optimizers:
              - sgd: {lr: [0.1, 0.01]}
              - adamw
            regularizers: [none, l1, {l2: {include_bias: true}}]
            seeds: [0, 1]
            train: {steps: 10, batch_size: 8}
            exclude:
              - {optimizer: "sgd(lr=0.1)", seed: 1}
              - {dataset: "blobs(classes=4)", regularizer: [l1, none]}
              - {optimizer: adamw, regularizer: "l2(include_bias=true)"}
            """)
        // 2 x 1 x 3 x 3 x 2 = 36 cells before exclusion.
        // rule 1: sgd lr 0.1, seed 1: 2 datasets x 3 regularizers = 6
        // rule 2: blobs, l1 or none: 3 optimizers x 2 regularizers x 2 seeds = 12, of which 2 are in rule 1
        // rule 3: adamw + l2: 2 datasets x 2 seeds = 4
        #expect(grid.excludedCount == 6 + 12 - 2 + 4)
        #expect(grid.cells.count == 36 - grid.excludedCount)
        #expect(!grid.cells.contains { $0.optimizer.shortName == "sgd(lr=0.1)" && $0.seed == 1 })
        #expect(grid.cells.contains { $0.optimizer.shortName == "sgd(lr=0.01)" && $0.seed == 1 })
        #expect(!grid.cells.contains { $0.datasetId == "blobs" && $0.regularizerId == "none" })
    }

    @Test func dataPathsResolveAgainstTheGridFolder() throws {
        let a = GridScratch()
        a.write("data/table.csv", "1,2,0\n3,4,1\n")
        let text = """
            name: files
            datasets: [{csv: {path: data/table.csv, header: false}}]
            models: [logreg]
            optimizers: [sgd]
            train: {steps: 5, batch_size: 2}
            """
        let gridA = try a.load(text, name: "exp/../grid.yaml")
        let spec = try #require(gridA.cells.first?.dataset)
        #expect(spec.string("path") == a.folder + "/data/table.csv")
        #expect(spec.shortName == "csv(header=false,path=data/table.csv)")
        // The same grid and data in another folder keep their run ids.
        let b = GridScratch()
        b.write("data/table.csv", "1,2,0\n3,4,1\n")
        let gridB = try b.load(text)
        #expect(gridB.cells.first?.dataset?.string("path") == b.folder + "/data/table.csv")
        #expect(gridA.cells.map(\.runId) == gridB.cells.map(\.runId))
    }

    @Test func diagnosticsAndOptionalTrainKeys() throws {
        let grid = try parseGrid("""
            name: diag
            datasets: [digits]
            models: [mlp]
            optimizers: [lbfgs]
            train:
              steps: 7
              batch_size: full
              dtype: float64
              time_limit: 90
              max_evaluations: 5000
              threads: 2
              diagnostics: {hessian: {every: 50, top_k: 3}}
            """)
        let t = grid.train
        #expect(t.evalEvery == 1)  // max(1, 7 / 20)
        #expect(t.dtype == .float64 && t.timeLimit == 90 && t.maxEvaluations == 5000 && t.threads == 2)
        #expect(t.diagnostics?.hessian == HessianDiagnostics(every: 50, batch: 256, topK: 3, traceSamples: 20,
                                                             density: false))
        #expect(grid.cells[0].canonicalJSON.contains(
            #""train":{"batch_size":"full","diagnostics":{"hessian":{"batch":256,"density":false,"every":50,"#
            + #""top_k":3,"trace_samples":20}},"dtype":"float64","eval_every":1,"max_evaluations":5000,"steps":7}"#))
    }

    @Test func listingShowsEveryCellAndTheCount() throws {
        let grid = try parseGrid("""
            name: small
            models: [beale, wood]
            optimizers: [{sr1: {radius: 0.5}}]
            seeds: [3]
            train: {steps: 50}
            exclude: [{model: wood}]
            """)
        let lines = grid.listing.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "grid small: x.yaml")
        #expect(lines[1] == "run_id            dataset  model  optimizer        regularizer  seed")
        #expect(lines[2] == grid.cells[0].runId + "  none     beale  sr1(radius=0.5)  none         3")
        #expect(lines[3] == "1 cell (1 excluded)")
    }
}
