import Testing
@testable import Baselines

@Suite struct TolerancesTests {
    @Test func documentedDefaults() {
        let t = Tolerances()
        #expect(t.tolerance(for: "val_loss") == Tolerance(rtol: 1e-6, atol: 1e-9))
        #expect(Tolerances.defaultRelative == 1e-6 && Tolerances.defaultAbsolute == 1e-9)
    }

    @Test func perMetricOverride() throws {
        let t = try Tolerances.parse("val_loss=rtol:1e-3,atol:1e-6")
        #expect(t.tolerance(for: "val_loss") == Tolerance(rtol: 1e-3, atol: 1e-6))
        #expect(t.tolerance(for: "train_loss") == Tolerance(rtol: 1e-6, atol: 1e-9))
    }

    @Test func defaultsAndSeveralMetricsInOneSpec() throws {
        let t = try Tolerances.parse("rtol:1e-4;val_accuracy=atol:0.01,train_loss=rtol:1e-3 default=atol:1e-7")
        #expect(t.standard == Tolerance(rtol: 1e-4, atol: 1e-7))
        // An override inherits what it does not set from the default, whenever that is set.
        #expect(t.tolerance(for: "val_accuracy") == Tolerance(rtol: 1e-4, atol: 0.01))
        #expect(t.tolerance(for: "train_loss") == Tolerance(rtol: 1e-3, atol: 1e-7))
        #expect(t.tolerance(for: "grad_norm") == Tolerance(rtol: 1e-4, atol: 1e-7))
    }

    @Test func specsMergeInOrder() throws {
        let t = try Tolerances.parse("val_loss=rtol:1e-3").merging("val_loss=rtol:1e-2 final/w=atol:1")
        #expect(t.tolerance(for: "val_loss").rtol == 1e-2)
        #expect(t.tolerance(for: "final/w").atol == 1)
    }

    @Test(arguments: ["", "val_loss=", "val_loss=,train_loss=rtol:1", "val_loss=rtol:abc", "val_loss=tol:1",
                      "rtol=1e-3", "rtol:-1", "atol:nan", "=rtol:1", "val_loss=rtol"])
    func malformedSpecsAreRejected(_ spec: String) {
        let error = #expect(throws: BaselineError.self) { try Tolerances.parse(spec) }
        guard case .badTolerance(let s, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(s == spec)
    }

    @Test func closenessRule() {
        // |now - baseline| <= atol + rtol·|baseline|, as numpy.isclose; the values
        // are exact binary fractions so the boundary is hit exactly.
        let t = Tolerance(rtol: 0.5, atol: 0.25)
        #expect(t.accepts(now: 1.75, baseline: 1))
        #expect(!t.accepts(now: 1.75.nextUp, baseline: 1))
        #expect(t.accepts(now: 0.25, baseline: 1))
        // The baseline is the reference: 1 vs 2 is within half of 2, not within half of 1.
        let relative = Tolerance(rtol: 0.5, atol: 0)
        #expect(relative.accepts(now: 1, baseline: 2))
        #expect(!relative.accepts(now: 2, baseline: 1))
        #expect(t.accepts(now: .nan, baseline: .nan))
        #expect(!t.accepts(now: .nan, baseline: 1))
        #expect(!t.accepts(now: 1, baseline: .nan))
        #expect(t.accepts(now: .infinity, baseline: .infinity))
        #expect(!t.accepts(now: -.infinity, baseline: .infinity))
        #expect(!t.accepts(now: .infinity, baseline: 1e308))
    }
}
