/// Student's t distribution.
public enum StudentT {
    /// The two-sided tail probability P(|T| >= |t|) for T with `df` degrees of
    /// freedom: I_{df/(df+t²)}(df/2, 1/2) (Abramowitz and Stegun 26.7.1 with
    /// 26.5.27; DLMF 8.17 for I). Zero for an infinite t.
    public static func twoSidedPValue(t: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df > 0, "the t distribution needs positive degrees of freedom")
        precondition(!t.isNaN, "t is not a number")
        if t.isInfinite { return 0 }
        return IncompleteBeta.regularized(x: df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// The t with P(|T| >= t) = 1 - `confidence` for `df` degrees of freedom
    /// (2.776 for 95% and 4): the half-width factor of a `confidence` interval
    /// of a mean. Found by bisection on `twoSidedPValue`, which falls strictly
    /// as t grows, to a relative width of 1e-12.
    public static func twoSidedCriticalValue(confidence: Double, degreesOfFreedom df: Double) -> Double {
        precondition(confidence > 0 && confidence < 1, "confidence must lie in (0, 1)")
        let alpha = 1 - confidence
        var low = 0.0, high = 1.0
        while twoSidedPValue(t: high, degreesOfFreedom: df) > alpha { low = high; high *= 2 }
        while high - low > 1e-12 * high {
            let mid = (low + high) / 2
            if twoSidedPValue(t: mid, degreesOfFreedom: df) > alpha { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
