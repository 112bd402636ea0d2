import Testing
import Engine
import Support
@testable import Models

/// BatchNorm and Dropout behave differently in training and evaluation mode.
@Suite struct ModeSemanticsTests {
    let x = Tensor<Double>(shape: [4, 2], data: [1, 10, 2, 20, 3, 30, 6, 60])

    func batchNorm(_ input: Tensor<Double>, mode: ForwardContext.Mode, state: inout ModelState<Double>) -> [Double] {
        let layer = BatchNorm(name: "bn.0", features: 2)
        let tape = Tape<Double>()
        var p = ParameterCursor([tape.parameter(Tensor(shape: [2], data: [1, 1])), tape.parameter(.zeros([2]))])
        return layer(tape.constant(input), context: ForwardContext(mode: mode, batchNormMomentum: 0.1, normEpsilon: 1e-5),
                     state: &state, &p).value.data
    }

    /// Training mode: column 0 = (1, 2, 3, 6) has mean 3 and biased variance 3.5,
    /// so outputs (x - 3) / sqrt(3.5 + 1e-5); the running mean becomes 0.9 * 0 + 0.1 * 3
    /// and the running variance 0.9 * 1 + 0.1 * 14/3 (unbiased 3.5 * 4/3).
    @Test func trainingUsesBatchStatisticsAndUpdatesRunningOnes() {
        var state = ModelState<Double>()
        let y = batchNorm(x, mode: .train, state: &state)
        let sd0 = (3.5 + 1e-5).squareRoot(), sd1 = (350 + 1e-5).squareRoot()
        for (i, v) in [1.0, 2, 3, 6].enumerated() { #expect(abs(y[i * 2] - (v - 3) / sd0) < 1e-12) }
        for (i, v) in [10.0, 20, 30, 60].enumerated() { #expect(abs(y[i * 2 + 1] - (v - 30) / sd1) < 1e-12) }
        #expect(abs(state.buffers["bn.0.running_mean"]!.data[0] - 0.3) < 1e-12)
        #expect(abs(state.buffers["bn.0.running_mean"]!.data[1] - 3) < 1e-12)
        #expect(abs(state.buffers["bn.0.running_var"]!.data[0] - (0.9 + 0.1 * 14.0 / 3)) < 1e-12)
        #expect(abs(state.buffers["bn.0.running_var"]!.data[1] - (0.9 + 0.1 * 1400.0 / 3)) < 1e-9)
    }

    /// Evaluation mode normalizes with the running statistics, row by row, and leaves them alone.
    @Test func evaluationUsesRunningStatistics() {
        let stats = ModelState<Double>(buffers: ["bn.0.running_mean": Tensor(shape: [2], data: [2, 20]),
                                                 "bn.0.running_var": Tensor(shape: [2], data: [4, 100])])
        var state = stats
        let y = batchNorm(x, mode: .eval, state: &state)
        #expect(state == stats)
        #expect(abs(y[0] - (1 - 2) / (4 + 1e-5).squareRoot()) < 1e-12)
        #expect(abs(y[7] - (60 - 20) / (100 + 1e-5).squareRoot()) < 1e-12)
        var single = stats
        let one = batchNorm(Tensor(shape: [1, 2], data: [6, 60]), mode: .eval, state: &single)
        #expect(one == Array(y[6...7]))
    }

    /// Fresh state evaluates with mean 0 and variance 1 (torch's initial buffers).
    @Test func evaluationBeforeTrainingUsesInitialStatistics() {
        var state = ModelState<Double>()
        let y = batchNorm(x, mode: .eval, state: &state)
        #expect(abs(y[3] - 20 / (1 + 1e-5).squareRoot()) < 1e-12)
    }

    func dropout(_ context: ForwardContext, slot: String = "hidden.0", count: Int = 20000) -> [Double] {
        let tape = Tape<Double>()
        return Dropout(slot: slot)(tape.constant(Tensor(repeating: 2, shape: [count])), context: context).value.data
    }

    @Test func dropoutIsIdentityInEvaluationOrWithZeroRate() {
        #expect(dropout(ForwardContext(mode: .eval, dropout: 0.5), count: 100).allSatisfy { $0 == 2 })
        #expect(dropout(ForwardContext(mode: .train, dropout: 0), count: 100).allSatisfy { $0 == 2 })
    }

    /// Kept values are scaled by 1/(1 - p) and about a fraction p is dropped
    /// (binomial standard deviation sqrt(p (1-p) / n) = 0.0032 here; tolerance 5 sigma).
    @Test func dropoutDropsAFractionPAndRescales() {
        let y = dropout(ForwardContext(mode: .train, seed: 7, step: 3, dropout: 0.3))
        #expect(y.allSatisfy { $0 == 0 || abs($0 - 2 / 0.7) < 1e-12 })
        let dropped = Double(y.filter { $0 == 0 }.count) / Double(y.count)
        #expect(abs(dropped - 0.3) < 0.016)
    }

    @Test func dropoutMasksAreKeyedBySeedSlotAndStep() {
        let base = ForwardContext(mode: .train, seed: 7, step: 3, dropout: 0.5)
        #expect(dropout(base, count: 64) == dropout(base, count: 64))
        var later = base; later.step = 4
        var reseeded = base; reseeded.seed = 8
        #expect(dropout(base, count: 64) != dropout(later, count: 64))
        #expect(dropout(base, count: 64) != dropout(reseeded, count: 64))
        #expect(dropout(base, count: 64) != dropout(base, slot: "hidden.1", count: 64))
    }

    /// An MLP in evaluation mode ignores dropout, and in training mode a batchnorm MLP
    /// gives each example an output that depends on the rest of the batch.
    @Test func modelsRespectTheMode() throws {
        let model = try ModelRegistry.make(id: "mlp", params: Params(["hidden": .intList([6])]), data: .dense(features: 2, classes: 2),
                                           normalization: .batchnorm)
        let tape = Tape<Double>()
        let params = model.initialParameters(seed: 1, as: Double.self).map { tape.parameter($0) }
        var state = ModelState<Double>()
        func run(_ input: Tensor<Double>, _ context: ForwardContext) -> [Double] {
            model.forward(params, input: .dense(input), context: context, state: &state).value.data
        }
        let evalWithDropout = run(x, ForwardContext(mode: .eval, dropout: 0.5, normalization: .batchnorm))
        let evalPlain = run(x, ForwardContext(mode: .eval, normalization: .batchnorm))
        #expect(evalWithDropout == evalPlain)
        #expect(state.buffers.isEmpty)
        let trainFull = run(x, ForwardContext(mode: .train, normalization: .batchnorm))
        #expect(state.buffers.keys.sorted() == ["bn.0.running_mean", "bn.0.running_var"])
        let trainHalf = run(Tensor(shape: [2, 2], data: Array(x.data[0..<4])), ForwardContext(mode: .train, normalization: .batchnorm))
        #expect(abs(trainFull[0] - trainHalf[0]) > 1e-6)
    }
}
