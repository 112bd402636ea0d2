/// Error-free transformations on unevaluated sums hi + lo of two doubles
/// (Dekker 1971; Knuth, TAOCP vol. 2, 4.2.2; Muller et al., "Handbook of
/// Floating-Point Arithmetic", ch. 4), used to keep the last rounding of a
/// formula the only significant one.
enum DoubleWord {
    /// a + b = hi + lo exactly, for any a, b (Knuth's TwoSum).
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// a + b = hi + lo exactly, provided |a| >= |b| or a == 0 (Dekker's Fast2Sum).
    @inline(__always)
    static func fastTwoSum(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let s = a + b
        return (s, (a - s) + b)
    }

    /// (nh + nl) / (dh + dl) rounded to double, from the exact residual
    /// nh - q dh (one fused multiply-add) and one Newton correction.
    @inline(__always)
    static func divide(_ nh: Double, _ nl: Double, _ dh: Double, _ dl: Double) -> Double {
        let q = nh / dh
        let residual = nh.addingProduct(-q, dh)  // nh - q dh, exact
        return q + ((residual + nl) - q * dl) / dh
    }
}
