import Foundation
import Recording
import Testing

/// Hessian diagnostics recorded during training: present, bit-identical across
/// reruns, and without any effect on the training itself or its evaluation counts.
@Suite struct CurvatureDiagnosticsTests {
    static func grid(diagnostics: Bool) -> String {
        """
        name: diag
        datasets: [digits]
        models: [logreg]
        optimizers: [{sgd: {lr: 0.5}}, lbfgs]
        train: {steps: 20, batch_size: 64, eval_every: 10, dtype: float64\(diagnostics ? ", diagnostics: {hessian: {every: 10, batch: 64, top_k: 2, trace_samples: 4}}" : "")}
        """
    }

    func runAndRead(_ text: String, _ dir: URL, _ name: String) throws -> [String: RunRecord] {
        let path = dir.appendingPathComponent(name + ".yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try BenchProcess.run(["run", path, "--results", name, "--no-report", "--quiet"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let runs = dir.appendingPathComponent(name + "/runs")
        var out: [String: RunRecord] = [:]
        for f in try FileManager.default.contentsOfDirectory(atPath: runs.path) where f.hasSuffix(".h5") {
            let rec = try RunFileReader.read(runs.appendingPathComponent(f))
            out[rec.string("optimizer_id")!] = rec
        }
        return out
    }

    @Test func diagnosticsAreRecordedDeterministicallyAndDoNotPerturbTraining() throws {
        let dir = try BenchProcess.temporaryDirectory("curvature")
        let a = try runAndRead(Self.grid(diagnostics: true), dir, "a")
        let b = try runAndRead(Self.grid(diagnostics: true), dir, "b")
        let plain = try runAndRead(Self.grid(diagnostics: false), dir, "plain")
        for opt in ["sgd", "lbfgs"] {
            let ra = try #require(a[opt]), rb = try #require(b[opt]), rp = try #require(plain[opt])
            let series = try #require(ra.series["hessian"])
            #expect(series.steps == [0, 10, 20])
            #expect(series.curves["hessian_top_eig_1"]?.count == 3)
            #expect(series.curves["hessian_trace_stderr"]?.allSatisfy { $0 >= 0 } == true)
            // Top eigenvalue of a convex softmax objective is positive and at least the second.
            let top1 = series.curves["hessian_top_eig_1"]!, top2 = series.curves["hessian_top_eig_2"]!
            #expect(zip(top1, top2).allSatisfy { $0 >= $1 && $1 > 0 })
            #expect(ra.series == rb.series)
            #expect(ra.string("digest") == rb.string("digest"))
            #expect(ra.int("diagnostics_hv_evals")! > 0)
            #expect(ra.int("hv_evals") == rp.int("hv_evals"))
            #expect(ra.int("g_evals") == rp.int("g_evals"))
            #expect(ra.tensors == rp.tensors)
            #expect(ra.curves["train_loss"] == rp.curves["train_loss"])
        }
    }
}
