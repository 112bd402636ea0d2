import Testing
@testable import Diagnostics

/// Hutchinson's trace estimator.
@Suite struct HutchinsonTraceTests {
    private func trace(_ q: TestQuadratic, samples: Int, step: Int = 0) -> HessianEstimates {
        HessianEstimator(topK: 0, traceSamples: samples, density: false, seed: 21)
            .estimate(dimension: q.dimension, step: step, hvp: q.hvp as ([Double]) -> [Double])
    }

    /// z^T D z = sum_i d_i z_i^2 = tr(D) for every Rademacher z: exact, zero error.
    @Test func exactForDiagonal() {
        let q = TestQuadratic(diagonal: [-3, 0.5, 2, 7, 7, 11, -1.25])
        let e = trace(q, samples: 10)
        #expect(abs(e.trace - q.trace) <= 1e-12 * abs(q.trace))
        #expect(e.traceStandardError <= 1e-12 * abs(q.trace))
        #expect(e.hessianVectorProducts == 10)
        #expect(e.topEigenvalues.isEmpty && e.density == nil)
    }

    /// On a dense H the estimate lies within 3 reported standard errors of tr(H),
    /// and the reported error matches the theoretical one,
    /// sqrt(2 (||H||_F^2 - sum_i H_ii^2) / m) (Hutchinson 1990; Avron and Toledo 2011).
    @Test func withinReportedErrorOnDenseMatrix() {
        let spectrum = [-7.0, -7, -3, 0, 0, 0, 20, 20, 20] + (1...50).map(Double.init)
        let q = TestQuadratic(rotated: spectrum)
        let m = 100
        let e = trace(q, samples: m)
        #expect(e.traceStandardError > 0)
        #expect(abs(e.trace - q.trace) <= 3 * e.traceStandardError)
        let dense = q.dense
        let frobenius = spectrum.reduce(0) { $0 + $1 * $1 }
        let diagonal = (0..<q.dimension).reduce(0.0) { $0 + dense[$1][$1] * dense[$1][$1] }
        let theoretical = (2 * (frobenius - diagonal) / Double(m)).squareRoot()
        #expect(e.traceStandardError > 0.5 * theoretical && e.traceStandardError < 2 * theoretical)
    }

    @Test func singleProbeHasInfiniteError() {
        let e = trace(TestQuadratic(rotated: [1, 2, 3, 4]), samples: 1)
        #expect(e.trace.isFinite && e.traceStandardError == .infinity)
    }

    /// Different steps draw different probes.
    @Test func probesDependOnStep() {
        let q = TestQuadratic(rotated: (1...30).map(Double.init))
        #expect(trace(q, samples: 5, step: 1).trace != trace(q, samples: 5, step: 2).trace)
    }
}
