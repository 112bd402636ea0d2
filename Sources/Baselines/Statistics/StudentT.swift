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
}
