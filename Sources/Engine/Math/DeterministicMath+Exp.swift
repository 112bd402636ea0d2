extension DeterministicMath {
    /// 1/ln 2 and ln 2 split into a 32-bit head (so k * ln2Hi is exact for
    /// |k| < 2^21) and a tail; constants of FDLIBM e_exp.c (Sun Microsystems, 1993).
    static let invLn2 = 0x1.71547652b82fep+0
    static let ln2Hi = 0x1.62e42fee00000p-1
    static let ln2Lo = 0x1.a39ef35793c76p-33
    /// Largest x with finite e^x (ln of the largest double), FDLIBM `o_threshold`.
    static let expOverflow = 0x1.62e42fefa39efp+9
    /// Below this e^x rounds to zero, FDLIBM `u_threshold`.
    static let expUnderflow = -0x1.74910d52d3051p+9

    /// e^x for float64.
    ///
    /// Cody-Waite reduction x = k ln2 + r with |r| <= ln2/2 (head/tail split of
    /// ln 2, rounding error of r carried separately), e^r - 1 - r by its Taylor
    /// polynomial to degree 13 (truncation < 2^-57), then scaling by 2^k through
    /// the exponent bits (two steps for subnormal results so that only one
    /// rounding happens). Overflows to +inf above 709.78, underflows to 0 below
    /// -745.13; exp(nan) = nan, exp(-inf) = 0, exp(±0) = 1.
    /// Max error measured: 0.75 ulp (0.65 ulp where the result is normal; the
    /// extra comes from the second rounding of subnormal results).
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x + x }
        if x > expOverflow { return .infinity }
        if x < expUnderflow { return 0 }
        let (k, r, rTail) = reduceByLn2(x)
        let (yh, yl) = expSmallWide(r, rTail)
        return scaleByPowerOfTwo(yh + yl, k)
    }

    /// e^x as an unevaluated sum hi + lo (relative error about 2^-57) for
    /// -708 <= x <= 709, where the result is a normal number.
    static func expWide(_ x: Double) -> (hi: Double, lo: Double) {
        precondition(x >= -708 && x <= 709, "expWide: argument outside the normal range")
        let (k, r, rTail) = reduceByLn2(x)
        let (yh, yl) = expSmallWide(r, rTail)
        let p = powerOfTwo(k)
        return (yh * p, yl * p)
    }

    /// e^x - 1 as an unevaluated sum hi + lo with full relative accuracy near 0,
    /// for |x| <= 36: e^x - 1 = (2^k - 1) + 2^k (e^r - 1).
    static func expm1Wide(_ x: Double) -> (hi: Double, lo: Double) {
        precondition(abs(x) <= 36, "expm1Wide: argument outside the supported range")
        let (k, r, rTail) = reduceByLn2(x)
        let (sh, sl) = expm1SmallWide(r, rTail)
        if k == 0 { return (sh, sl) }
        let p = powerOfTwo(k)
        let (th, te) = DoubleWord.twoSum(p - 1, p * sh)
        return DoubleWord.fastTwoSum(th, te + p * sl)
    }

    /// x = k ln2 + (r + rTail) with |r| <= ln2/2 + tiny; k * ln2Hi and x - k * ln2Hi are exact.
    @inline(__always)
    static func reduceByLn2(_ x: Double) -> (k: Int, r: Double, rTail: Double) {
        // Adding 1.5 * 2^52 rounds to an integer (ties to even) for |x / ln2| < 2^51.
        let shifter = 0x1.8p52
        let kf = (x * invLn2 + shifter) - shifter
        let hi = x - kf * ln2Hi
        let lo = kf * ln2Lo
        let r = hi - lo
        return (Int(kf), r, (hi - r) - lo)
    }

    /// e^(r + rTail) - 1 for |r| <= 0.35 as r + (rTail + r^2 q(r)), returned
    /// as hi + lo, with q the Taylor series of (e^r - 1 - r) / r^2 through
    /// r^11 / 13! (truncation below 2^-57).
    @inline(__always)
    static func expm1SmallWide(_ r: Double, _ rTail: Double) -> (hi: Double, lo: Double) {
        var q = 1.0 / 6_227_020_800        // 1/13!
        q = (1.0 / 479_001_600).addingProduct(r, q)  // 1/12!
        q = (1.0 / 39_916_800).addingProduct(r, q)
        q = (1.0 / 3_628_800).addingProduct(r, q)
        q = (1.0 / 362_880).addingProduct(r, q)
        q = (1.0 / 40_320).addingProduct(r, q)
        q = (1.0 / 5_040).addingProduct(r, q)
        q = (1.0 / 720).addingProduct(r, q)
        q = (1.0 / 120).addingProduct(r, q)
        q = (1.0 / 24).addingProduct(r, q)
        q = (1.0 / 6).addingProduct(r, q)
        q = 0.5.addingProduct(r, q)
        // |rTail + r^2 q| <= |r| (|r| <= 0.35), so Fast2Sum applies.
        return DoubleWord.fastTwoSum(r, rTail.addingProduct(r * r, q))
    }

    /// e^(r + rTail) for |r| <= 0.35 as hi + lo.
    @inline(__always)
    static func expSmallWide(_ r: Double, _ rTail: Double) -> (hi: Double, lo: Double) {
        let (sh, sl) = expm1SmallWide(r, rTail)
        let (yh, ye) = DoubleWord.fastTwoSum(1, sh)
        return (yh, ye + sl)
    }

    /// y * 2^k for y in [0.5, 2] and -1076 <= k <= 1025, rounding at most once.
    @inline(__always)
    static func scaleByPowerOfTwo(_ y: Double, _ k: Int) -> Double {
        if k >= -1022 && k <= 1023 { return y * powerOfTwo(k) }
        if k > 1023 { return (y * 2) * powerOfTwo(k - 1) }
        // Subnormal result: the first product is exact, the second rounds once.
        return (y * powerOfTwo(k + 1000)) * 0x1p-1000
    }

    /// 2^k for a normal exponent -1022 <= k <= 1023, built from its bits.
    @inline(__always)
    static func powerOfTwo(_ k: Int) -> Double {
        Double(bitPattern: UInt64(k + 1023) << 52)
    }
}
