import Foundation
import Recording
import Testing

/// What the recorded curves mean: the training loss of a full-batch run is the
/// loss on the whole training split, and early stopping keeps (and reports) the
/// parameters of its best evaluation point.
@Suite struct TrainingSemanticsTests {
    func runGrid(_ text: String, name: String) throws -> (dir: URL, records: [RunRecord]) {
        let dir = try BenchProcess.temporaryDirectory(name)
        let path = dir.appendingPathComponent(name + ".yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try BenchProcess.run(["run", path, "--results", "out", "--no-report", "--quiet"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let runs = dir.appendingPathComponent("out/runs")
        let files = try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { $0.hasSuffix(".h5") }.sorted()
        return (dir, try files.map { try RunFileReader.read(runs.appendingPathComponent($0)) })
    }

    /// Without a penalty the full-batch objective is the mean data loss over every
    /// training row, which `final_objective` evaluates in one pass on the training
    /// batch; `train_loss` (chunked evaluation) must agree to rounding.
    @Test func fullBatchTrainingLossCoversTheWholeTrainingSplit() throws {
        let (_, records) = try runGrid("""
            name: fb
            datasets: [digits]
            models: [logreg]
            optimizers: [lbfgs]
            train: {steps: 5, batch_size: full, eval_every: 5, dtype: float64}
            """, name: "fullbatch")
        let run = try #require(records.first)
        let train = try #require(run.curves["train_loss"]?.last)
        let objective = try #require(run.double("final_objective"))
        #expect(abs(train - objective) <= 1e-12 * abs(objective), "train_loss \(train) vs objective \(objective)")
    }

    /// A min_delta no later evaluation can beat makes early stopping keep the
    /// parameters of its first observation (step 10; the step-0 measurement comes
    /// before training and is not a candidate) and stop at the next (step 20). The
    /// kept tensors must be bit-identical to a plain 10-step run's, the run says so
    /// in `restored_step`, and the index reports the metrics of step 10.
    @Test func earlyStoppingKeepsAndReportsTheBestPoint() throws {
        func grid(_ regularizer: String, steps: Int) -> String {
            """
            name: es
            datasets: [digits]
            models: [{mlp: {hidden: [8]}}]
            optimizers: [{sgd: {lr: 0.1}}]
            regularizers: [\(regularizer)]
            train: {steps: \(steps), batch_size: 32, eval_every: 10, dtype: float64}
            """
        }
        let (dir, records) = try runGrid(grid("{early_stopping: {patience: 1, min_delta: 100}}", steps: 40), name: "early")
        let (_, plainRecords) = try runGrid(grid("none", steps: 10), name: "plain10")
        let run = try #require(records.first), plain = try #require(plainRecords.first)
        #expect(run.int("restored_step") == 10)
        #expect(run.int("early_stopping_step") == 20)
        #expect(run.steps == [0, 10, 20])
        let finals = run.tensors.filter { $0.key.hasPrefix("final/") }
        #expect(!finals.isEmpty)
        let mismatched = finals.filter { plain.tensors[$0.key] != $0.value }.map(\.key)
        #expect(mismatched.isEmpty, "final tensors differ from the 10-step run: \(mismatched)")
        let index = try ResultsIndex.load(resultsDir: dir.appendingPathComponent("out"))
        let row = try #require(index.rows.first)
        #expect(row.valLoss == run.curves["val_loss"]?[1])
        #expect(row.trainLoss == run.curves["train_loss"]?[1])
        let rebuilt = try ResultsIndex.scan(resultsDir: dir.appendingPathComponent("out"))
        #expect(rebuilt.rows.first?.valLoss == run.curves["val_loss"]?[1])
    }

    /// `clipped_gradients` counts the gradient evaluations clipping changed: all of
    /// them with a tiny max_norm, none with a huge one, and the curve is absent
    /// when the run does not clip.
    @Test func clippingIsCounted() throws {
        let (_, records) = try runGrid("""
            name: clip
            datasets: [digits]
            models: [logreg]
            optimizers: [{sgd: {lr: 0.1}}]
            regularizers: [none, {grad_clip: {max_norm: 1.0e-6}}, {grad_clip: {max_norm: 1.0e6}}]
            train: {steps: 12, batch_size: 32, eval_every: 4, dtype: float64}
            """, name: "clip")
        #expect(records.count == 3)
        for run in records {
            let clipped = run.curves["clipped_gradients"]
            switch run.string("regularizer") {
            case "none": #expect(clipped == nil)
            case "grad_clip(max_norm=1e-06)": #expect(clipped?.last == Double(run.int("g_evals") ?? -1) && clipped?.last == 12)
            case "grad_clip(max_norm=1000000.0)": #expect(clipped?.allSatisfy { $0 == 0 } == true && clipped?.count == 4)
            default: Issue.record("unexpected regularizer \(run.string("regularizer") ?? "nil")")
            }
        }
    }
}
