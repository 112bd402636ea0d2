import Foundation
import Recording
import Testing

/// The convex cross-check of `experiments/convex_check.yaml`: L2-regularized
/// multinomial logistic regression on digits (full batch, float64) has one optimal
/// objective value, and BFGS, L-BFGS, Newton-CG and trust-region SR1 must all reach
/// it to a relative 1e-9.
///
/// Dense quasi-Newton algebra on 650 parameters is slow in a debug build, so this
/// test runs the release `bench` (built by `scripts/test.sh` before the tests) and
/// is skipped when that binary is absent.
@Suite struct ConvexCrossCheckTests {
    static let releaseBench = BenchProcess.repositoryRoot.appendingPathComponent(".build/release/bench")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: releaseBench.path),
                   "needs the release bench binary (swift build -c release --product bench)"))
    func quasiNewtonMethodsAgreeOnTheOptimum() throws {
        let dir = try BenchProcess.temporaryDirectory("convex")
        let grid = BenchProcess.repositoryRoot.appendingPathComponent("experiments/convex_check.yaml").path
        let p = BenchProcess.start(["run", grid, "--results", "r", "--no-report", "--quiet"], in: dir)
        p.executableURL = Self.releaseBench
        let err = Pipe(); p.standardError = err; p.standardOutput = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        let runs = dir.appendingPathComponent("r/runs")
        var finals: [String: Double] = [:]
        for f in try FileManager.default.contentsOfDirectory(atPath: runs.path) where f.hasSuffix(".h5") {
            let r = try RunFileReader.read(runs.appendingPathComponent(f))
            finals[r.string("optimizer_id")!] = r.double("final_objective")
        }
        #expect(Set(finals.keys) == ["bfgs", "lbfgs", "newton_cg", "sr1"])
        let best = finals.values.min()!
        for (id, f) in finals {
            #expect(abs(f - best) <= 1e-9 * abs(best), "\(id): \(f) vs best \(best)")
        }
        // Cross-check against an independent fact: the optimum lies below the
        // objective at zero weights, log(10) = 2.302585...
        #expect(best < 2.302585 && best > 0)
    }
}
