import Support
import Foundation
import Testing
@testable import GridLanguage
@testable import Harness

/// A grid text and the exact diagnostic it must produce.
struct BadGrid: Sendable, CustomTestStringConvertible {
    let yaml: String
    let expected: String
    var testDescription: String { expected }
}

/// Most bad grids share these first lines: data, a model and an optimizer.
private let head = "name: bad\ndatasets: [digits]\nmodels: [logreg]\n"
private let tail = "train: {steps: 10, batch_size: 8}\n"

@Suite struct GridBadFileTests {
    static let cases: [BadGrid] = [
        BadGrid(yaml: head + "optimizers:\n  - sgd\n  - adam: {lr: -0.1}\n" + tail,
                expected: "x.yaml:6:16: error: optimizers[1].adam.lr: must be > 0, got -0.1"),
        BadGrid(yaml: head + "optimizers: [sgd, adamm]\n" + tail,
                expected: "x.yaml:4:19: error: optimizers[1]: unknown optimizer 'adamm'; did you mean 'adam'?"),
        BadGrid(yaml: head + "optimizers: [{adam: {lrr: 0.1}}]\n" + tail,
                expected: "x.yaml:4:22: error: optimizers[0].adam.lrr: unknown parameter 'lrr' of adam; did you mean 'lr'?"),
        BadGrid(yaml: head + "optimizers: [sgd]\nregularizers:\n  - dropout: {p: 1.0}\n" + tail,
                expected: "x.yaml:6:18: error: regularizers[0].dropout.p: must be in [0, 1), got 1.0"),
        BadGrid(yaml: head + "optimizers: [sgd]\ntrain:\n  steps: 10\n  epochs: 2\n  batch_size: 8\n",
                expected: "x.yaml:7:3: error: train.epochs: give either steps or epochs, not both"),
        BadGrid(yaml: "name: bad\ndatasets: [digits]\nmodels: [mlp, rosenbrock]\noptimizers: [sgd]\n" + tail,
                expected: "x.yaml:3:15: error: models[1]: rosenbrock is a test function and takes no dataset; "
                    + "put test functions in a grid without datasets"),
        BadGrid(yaml: "name: bad\nmodels:\n  - beale\n  - mlp: {hidden: [8]}\noptimizers: [sgd]\ntrain: {steps: 10}\n",
                expected: "x.yaml:4:5: error: models[1]: mlp needs data; add a datasets axis "
                    + "(only test functions run without one)"),
        BadGrid(yaml: "name: bad\nmodels:\n  - beale\n - wood\n",
                expected: "x.yaml:4:2: error: malformed YAML: while parsing a block mapping (started at 1:1): did not find expected key"),
        BadGrid(yaml: head + "optimizers: [{lbfgs: {history: ten}}]\n" + tail,
                expected: "x.yaml:4:32: error: optimizers[0].lbfgs.history: expected an integer, got \"ten\""),
        BadGrid(yaml: "name: bad\ndatasets: [digits]\nmodels: [{transformer: {d_model: 32, heads: 5}}]\noptimizers: [sgd]\n"
                    + tail,
                expected: "x.yaml:3:45: error: models[0].transformer.heads: must divide d_model (32), got 5"),
        BadGrid(yaml: head + "optimizers: [sgd]\nregularizers: [{grad_clip: {max_norm: 1, max_value: 2}}]\n" + tail,
                expected: "x.yaml:5:53: error: regularizers[0].grad_clip.max_value: give either max_norm or max_value, not both"),
        BadGrid(yaml: head + "optimiser: [sgd]\n" + tail,
                expected: "x.yaml:4:1: error: optimiser: unknown key 'optimiser'; did you mean 'optimizers'?"),
        BadGrid(yaml: "name: my grid\ndatasets: [digits]\nmodels: [logreg]\noptimizers: [sgd]\n" + tail,
                expected: "x.yaml:1:7: error: name: may contain only letters, digits, '_' and '-', got \"my grid\""),
        BadGrid(yaml: head + "optimizers: [sgd]\n",
                expected: "x.yaml:1:1: error: train: required key is missing (e.g. train: {steps: 300, batch_size: 64})"),
        BadGrid(yaml: head + "optimizers: [sgd]\ntrain: {steps: 10, batch_size: 0}\n",
                expected: "x.yaml:5:32: error: train.batch_size: must be >= 1, got 0"),
        BadGrid(yaml: head + "optimizers: [sgd]\n" + tail + "exclude:\n  - {optimizer: lbgfs}\n",
                expected: "x.yaml:7:17: error: exclude[0].optimizer: unknown optimizer 'lbgfs'; did you mean 'lbfgs'?"),
        BadGrid(yaml: head + "optimizers: [sgd]\nseeds: [0, -1]\n" + tail,
                expected: "x.yaml:5:12: error: seeds[1]: must be >= 0, got -1"),
        BadGrid(yaml: head + "optimizers:\n  - adam\n  - adam: {lr: 0.001}\n" + tail,
                expected: "x.yaml:6:5: error: optimizers[1]: same optimizer as optimizers[0] once defaults are filled in: "
                    + "adam(beta1=0.9,beta2=0.999,eps=1e-08,gamma=0.1,lr=0.001,schedule=constant,step_size=100,warmup_steps=0)"),
        BadGrid(yaml: head + "optimizers: [sgd]\nregularizers: [{l2: {}, none: {}}]\n" + tail,
                expected: "x.yaml:5:25: error: regularizers[0]: none cannot be combined with other regularizers"),
        BadGrid(yaml: head + "optimizers: [sgd]\ntrain: {steps: 10, batch_size: 8, dtype: float16}\n",
                expected: "x.yaml:5:42: error: train.dtype: expected one of float32, float64, got \"float16\"; "
                    + "did you mean 'float32'?"),
        BadGrid(yaml: head + "optimizers: [{sgd: {}, adam: {}}]\n" + tail,
                expected: "x.yaml:4:24: error: optimizers[0]: one entry names one optimizer, found sgd, adam; "
                    + "write each as its own list item"),
        BadGrid(yaml: head + "optimizers: [sgd]\ntrain:\n  steps: 10\n  batch_size: 8\n  diagnostics:\n    hessian: {topk: 3}\n",
                expected: "x.yaml:9:15: error: train.diagnostics.hessian.topk: unknown key 'topk'; did you mean 'top_k'?"),
        BadGrid(yaml: head + "optimizers: [sgd]\n" + tail + "exclude: [{model: logreg}]\n",
                expected: "x.yaml:6:1: error: exclude: excludes every cell; nothing would run"),
        BadGrid(yaml: "name: bad\nmodels: [beale]\noptimizers: [sgd]\nregularizers: [l2, dropout]\ntrain: {steps: 10}\n",
                expected: "x.yaml:4:20: error: regularizers[1]: dropout needs a network and data; with test functions "
                    + "(beale) use l2, l1, weight_decay, rank1, grad_clip"),
        BadGrid(yaml: "name: bad\nname: again\n",
                expected: "x.yaml:1:1: error: duplicate key 'name'"),
        BadGrid(yaml: head + "optimizers: [{sgd: {lr: \"0.1\"}}]\n" + tail,
                expected: "x.yaml:4:25: error: optimizers[0].sgd.lr: expected a number, got \"0.1\""),
        BadGrid(yaml: head + "optimizers: [{sgd: {lr: []}}]\n" + tail,
                expected: "x.yaml:4:25: error: optimizers[0].sgd.lr: an empty list gives no values to try"),
        BadGrid(yaml: "name: bad\nmodels: [rosenbrock]\noptimizers: [sgd]\ntrain: {steps: 010}\n",
                expected: "x.yaml:4:16: error: train.steps: integer 010 has a leading zero, which YAML reads as octal; write 10"),
        BadGrid(yaml: "name: bad\nmodels: [{extended_rosenbrock: {n: 04}}]\noptimizers: [lbfgs]\ntrain: {steps: 10}\n",
                expected: "x.yaml:2:36: error: models[0].extended_rosenbrock.n: integer 04 has a leading zero, which YAML reads as octal; write 4"),
        BadGrid(yaml: "name: bad\nmodels: [{extended_rosenbrock: {n: 5}}]\noptimizers: [sgd]\ntrain: {steps: 10}\n",
                expected: "x.yaml:2:36: error: models[0].extended_rosenbrock.n: must be even, got 5"),
        BadGrid(yaml: head + "optimizers: [{sgd: {nesterov: true}}]\n" + tail,
                expected: "x.yaml:4:31: error: optimizers[0].sgd.nesterov: nesterov needs momentum > 0"),
        BadGrid(yaml: "name: bad\nmodels: [beale]\noptimizers: [lbfgs]\ntrain: {epochs: 3}\n",
                expected: "x.yaml:4:9: error: train.epochs: test functions have no data to make epochs of; use steps"),
        BadGrid(yaml: "name: bad\ndatasets: [idx]\nmodels: [logreg]\noptimizers: [sgd]\n" + tail,
                expected: "x.yaml:2:12: error: datasets[0].idx: missing required parameter 'images'"),
        BadGrid(yaml: head + "optimizers: [sgd]\ntrain: {steps: 10}\n",
                expected: "x.yaml:5:8: error: train: needs batch_size (an integer >= 1, or \"full\" for full batch)"),
        BadGrid(yaml: head + "optimizers: [sgd]\n" + tail + "exclude: [{optimizer: \"sgd(lrr=0.1)\"}]\n",
                expected: "x.yaml:6:23: error: exclude[0].optimizer: unknown parameter 'lrr' of sgd; did you mean 'lr'?"),
        BadGrid(yaml: head + "optimizers: [sgd]\nseeds: [1.5]\n" + tail,
                expected: "x.yaml:5:9: error: seeds[0]: expected an integer, got 1.5"),
        BadGrid(yaml: "name: \"bad\nmodels: [beale]\n",
                expected: "x.yaml:3:1: error: malformed YAML: while scanning a quoted scalar (started at 1:7): "
                    + "found unexpected end of stream"),
        BadGrid(yaml: head + "optimizers: [{rosenbrock: {}}]\n" + tail,
                expected: "x.yaml:4:15: error: optimizers[0]: unknown optimizer 'rosenbrock' (known: sgd, adagrad, "
                    + "rmsprop, adam, adamw, bfgs, dfp, sr1, lsr1, lbfgs, newton_cg, seed_rank1, adahessian, sophia, olbfgs, sqn, hessian_free, shampoo)"),
    ]

    @Test(arguments: cases) func rejectsWithLocation(_ bad: BadGrid) {
        #expect(gridError(bad.yaml)?.description == bad.expected)
    }

    @Test func missingDataFileNamesTheResolvedPath() throws {
        let error = try #require(gridError("name: bad\ndatasets: [{csv: {path: missing.csv}}]\nmodels: [logreg]\n"
                                           + "optimizers: [sgd]\n" + tail))
        #expect(error.line == 2 && error.column == 25)
        #expect(error.keyPath == "datasets[0].csv.path")
        #expect(error.message.hasPrefix("file not found: /") && error.message.hasSuffix("/missing.csv"))
    }

    @Test func unreadableFileHasNoPosition() {
        do {
            _ = try GridFile.load(path: "/nonexistent-folder/none.yaml")
            Issue.record("loading a missing file succeeded")
        } catch {
            #expect(error.file == "/nonexistent-folder/none.yaml")
            #expect(error.line == nil && error.column == nil)
            #expect(error.description.hasPrefix("/nonexistent-folder/none.yaml: error: cannot read the grid file"))
        }
    }

    @Test func errorFieldsMatchTheDescription() throws {
        let error = try #require(gridError(head + "optimizers:\n  - sgd\n  - adam: {lr: -0.1}\n" + tail))
        #expect(error.file == "x.yaml")
        #expect(error.line == 6 && error.column == 16)
        #expect(error.keyPath == "optimizers[1].adam.lr")
        #expect(error.message == "must be > 0, got -0.1")
    }
}
