import Foundation
import Testing
@testable import Baselines

@Suite struct StatisticsTests {
    // MARK: ln Γ

    @Test func logGammaOfIntegersIsLogFactorial() {
        var logFactorial = 0.0  // ln((n-1)!)
        for n in 1...30 {
            if n > 1 { logFactorial += log(Double(n - 1)) }
            #expect(abs(LogGamma.value(Double(n)) - logFactorial) <= 1e-13 * max(1, logFactorial), "n = \(n)")
        }
    }

    @Test func logGammaAtKnownPoints() {
        // Γ(1/2) = √π (DLMF 5.4.6); the others are scipy.special.gammaln values.
        #expect(abs(LogGamma.value(0.5) - 0.5 * log(Double.pi)) < 1e-14)
        #expect(abs(LogGamma.value(0.001) - 6.907178885383853) < 1e-13)
        #expect(abs(LogGamma.value(7.5) - 7.534364236758734) < 1e-13)
        #expect(abs(LogGamma.value(123.4) - 469.3360974421906) < 1e-11)
    }

    // MARK: Incomplete beta

    @Test func incompleteBetaClosedForms() {
        // DLMF 8.17.1 with B(a,1) = 1/a and B(1,b) = 1/b gives I_x(a,1) = x^a and
        // I_x(1,b) = 1 - (1-x)^b; symmetry (8.17.4) gives I_{1/2}(a,a) = 1/2; and
        // I_x(1/2,1/2) = (2/π) asin(√x) is the arcsine distribution's CDF.
        for x in [0.0, 0.01, 0.2, 0.5, 0.77, 0.999, 1.0] {
            #expect(abs(IncompleteBeta.regularized(x: x, a: 1, b: 1) - x) < 1e-14)
            #expect(abs(IncompleteBeta.regularized(x: x, a: 3.5, b: 1) - pow(x, 3.5)) < 1e-14)
            #expect(abs(IncompleteBeta.regularized(x: x, a: 1, b: 4) - (1 - pow(1 - x, 4))) < 1e-14)
            #expect(abs(IncompleteBeta.regularized(x: x, a: 0.5, b: 0.5) - 2 / Double.pi * asin(x.squareRoot())) < 1e-14)
        }
        for a in [0.5, 3.0, 40.0, 1000.0] {
            #expect(abs(IncompleteBeta.regularized(x: 0.5, a: a, b: a) - 0.5) < 1e-13, "a = \(a)")
        }
    }

    @Test func incompleteBetaMatchesReferenceValues() {
        // scipy.special.betainc(a, b, x).
        let cases: [(x: Double, a: Double, b: Double, expected: Double)] = [
            (0.3, 2.5, 3.5, 0.29675298929566646),
            (0.4, 10, 20, 0.7853183897628262),
            (0.55, 100, 100, 0.9216120672877799),
        ]
        for c in cases {
            #expect(abs(IncompleteBeta.regularized(x: c.x, a: c.a, b: c.b) - c.expected) < 1e-12, "\(c)")
        }
    }

    // MARK: Student's t

    @Test func tTwoSidedPValuesMatchTables() {
        // t = 2, 10 df: p = 0.07339; 2 * scipy.stats.t.sf(2, 10) = 0.07338803477074037.
        #expect(abs(StudentT.twoSidedPValue(t: 2, degreesOfFreedom: 10) - 0.07338803477074037) < 1e-12)
        #expect(abs(StudentT.twoSidedPValue(t: -2, degreesOfFreedom: 10) - 0.07338803477074037) < 1e-12)
        // The 97.5% quantile of t with 10 df is 2.228139 (standard tables).
        #expect(abs(StudentT.twoSidedPValue(t: 2.228138851986, degreesOfFreedom: 10) - 0.05) < 1e-10)
        #expect(abs(StudentT.twoSidedPValue(t: 1.5, degreesOfFreedom: 1000) - 0.13393003882208626) < 1e-11)
        #expect(abs(StudentT.twoSidedPValue(t: 4, degreesOfFreedom: 3.3) - 0.023412152287569626) < 1e-12)
        #expect(StudentT.twoSidedPValue(t: 0, degreesOfFreedom: 4) == 1)
        #expect(StudentT.twoSidedPValue(t: .infinity, degreesOfFreedom: 4) == 0)
    }

    @Test func tCriticalValuesMatchTables() {
        // 97.5% quantiles: 12.7062 (1 df), 2.7764 (4 df), 2.2281 (10 df), 2.0423 (30 df).
        let t = { StudentT.twoSidedCriticalValue(confidence: 0.95, degreesOfFreedom: $0) }
        #expect(abs(t(1) - 12.706204736) < 1e-6)
        #expect(abs(t(4) - 2.776445105) < 1e-8)
        #expect(abs(t(10) - 2.228138852) < 1e-8)
        #expect(abs(t(30) - 2.042272456) < 1e-8)
        #expect(abs(StudentT.twoSidedCriticalValue(confidence: 0.99, degreesOfFreedom: 4) - 4.604094871) < 1e-8)
    }

    @Test func tClosedFormsForOneAndTwoDegreesOfFreedom() {
        // 1 df is the Cauchy distribution: P(|T| > t) = 1 - (2/π) atan t.
        // 2 df: P(|T| > t) = 1 - t / √(2 + t²).
        for t in [0.1, 1.0, 3.0, 25.0] {
            #expect(abs(StudentT.twoSidedPValue(t: t, degreesOfFreedom: 1) - (1 - 2 / Double.pi * atan(t))) < 1e-14)
            #expect(abs(StudentT.twoSidedPValue(t: t, degreesOfFreedom: 2) - (1 - t / (2 + t * t).squareRoot())) < 1e-14)
        }
    }

    // MARK: Welch's test

    @Test func welchOnEqualVarianceSamples() {
        // Means 3 and 5, both variances 2.5, n = 5: standard error √(2.5/5 + 2.5/5) = 1,
        // so t = 2; ν = 1² / (0.5²/4 + 0.5²/4) = 8. p from scipy.stats.ttest_ind(equal_var=False).
        let test = WelchTest(baseline: [1, 2, 3, 4, 5], current: [3, 4, 5, 6, 7])
        #expect(test.t == 2)
        #expect(abs(test.degreesOfFreedom - 8) < 1e-12)
        #expect(abs(test.pValue - 0.08051623795726262) < 1e-12)
        // Cohen's d = 2 / √2.5; Hedges' J = 1 - 3 / (4·10 - 9) = 28/31.
        #expect(abs(test.cohensD - 2 / 2.5.squareRoot()) < 1e-14)
        #expect(abs(test.hedgesG - 2 / 2.5.squareRoot() * 28 / 31) < 1e-14)
    }

    @Test func welchOnUnequalSamples() {
        // scipy.stats.ttest_ind([1,2,4,8], [3,3.5,4,4.5,5,9], equal_var=False)
        // gives t = -0.6081143506424842 (first minus second), df = 4.950929029627487,
        // p = 0.5699249430745448; here t is current minus baseline.
        let test = WelchTest(baseline: [1, 2, 4, 8], current: [3, 3.5, 4, 4.5, 5, 9])
        #expect(abs(test.t - 0.6081143506424842) < 1e-13)
        #expect(abs(test.degreesOfFreedom - 4.950929029627487) < 1e-12)
        #expect(abs(test.pValue - 0.5699249430745448) < 1e-12)
    }

    @Test func welchWithoutSpread() {
        let same = WelchTest(baseline: [2, 2, 2], current: [2, 2])
        #expect(same.t == 0 && same.pValue == 1 && same.hedgesG == 0)
        let moved = WelchTest(baseline: [2, 2, 2], current: [2.5, 2.5])
        #expect(moved.t == .infinity && moved.pValue == 0)
    }
}
