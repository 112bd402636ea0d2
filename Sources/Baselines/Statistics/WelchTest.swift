import Foundation

/// Welch's unequal-variances t-test between two samples, with Hedges' g as
/// the effect size.
///
/// For samples x (baseline, n₁ values) and y (current, n₂ values) with means
/// m and unbiased variances s² (Bessel-corrected, computed in two passes):
/// - t = (m_y - m_x) / √(s_x²/n₁ + s_y²/n₂) (Welch 1947);
/// - ν = (s_x²/n₁ + s_y²/n₂)² / ((s_x²/n₁)²/(n₁-1) + (s_y²/n₂)²/(n₂-1))
///   (Welch-Satterthwaite);
/// - p = P(|T_ν| >= |t|), two-sided (`StudentT`);
/// - Cohen's d = (m_y - m_x) / s_p with the pooled standard deviation
///   s_p = √(((n₁-1)s_x² + (n₂-1)s_y²) / (n₁+n₂-2)), and Hedges' g = J d with
///   the small-sample correction J = 1 - 3/(4(n₁+n₂) - 9) (Hedges 1981).
///
/// When both variances are zero the test degenerates: equal means give
/// t = 0, p = 1; different means give t = ±∞, p = 0 (every seed moved the
/// same way), and d = g = ±∞.
public struct WelchTest: Sendable, Equatable {
    /// Sample sizes.
    public var baselineCount: Int, currentCount: Int
    /// Sample means.
    public var baselineMean: Double, currentMean: Double
    /// Sample standard deviations (Bessel-corrected).
    public var baselineStandardDeviation: Double, currentStandardDeviation: Double
    /// The t statistic, positive when the current mean is larger.
    public var t: Double
    /// Welch-Satterthwaite degrees of freedom (NaN when both variances are zero).
    public var degreesOfFreedom: Double
    /// Two-sided p-value.
    public var pValue: Double
    /// Cohen's d with the pooled standard deviation, current minus baseline.
    public var cohensD: Double
    /// Hedges' g: Cohen's d with the small-sample correction.
    public var hedgesG: Double

    /// Runs the test. Both samples need at least two values, all finite.
    public init(baseline x: [Double], current y: [Double]) {
        precondition(x.count >= 2 && y.count >= 2, "Welch's test needs at least two values per sample")
        precondition(x.allSatisfy(\.isFinite) && y.allSatisfy(\.isFinite), "Welch's test needs finite values")
        let (n1, n2) = (Double(x.count), Double(y.count))
        let (m1, v1) = WelchTest.meanAndVariance(x)
        let (m2, v2) = WelchTest.meanAndVariance(y)
        baselineCount = x.count; currentCount = y.count
        baselineMean = m1; currentMean = m2
        baselineStandardDeviation = v1.squareRoot(); currentStandardDeviation = v2.squareRoot()
        let (a, b) = (v1 / n1, v2 / n2)
        let difference = m2 - m1
        let pooled = (((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)).squareRoot()
        if a + b == 0 {
            t = difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
            degreesOfFreedom = .nan
            pValue = difference == 0 ? 1 : 0
        } else {
            t = difference / (a + b).squareRoot()
            degreesOfFreedom = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
            pValue = StudentT.twoSidedPValue(t: t, degreesOfFreedom: degreesOfFreedom)
        }
        cohensD = pooled > 0 ? difference / pooled : (difference == 0 ? 0 : t)
        hedgesG = cohensD * (1 - 3 / (4 * (n1 + n2) - 9))
    }

    /// Mean and unbiased variance, in two passes for accuracy.
    static func meanAndVariance(_ values: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / (n - 1))
    }
}
