/// Sine and cosine from additions and multiplications only, so generated data
/// does not depend on the C library's `sin`/`cos`.
///
/// Argument reduction by multiples of pi/2 with the two-part constant of
/// fdlibm's `__ieee754_rem_pio2` (Cody and Waite), then Taylor polynomials up
/// to x^17 / x^18 on [-pi/4, pi/4], where the truncation error is below 1e-18.
/// Meant for moderate arguments (|x| < 1e5).
enum Trigonometry {
    private static let twoOverPi = 0.636619772367581343076
    private static let pio2High = 1.57079632673412561417e+00
    private static let pio2Low = 6.07710050650619224932e-11

    /// `(sin x, cos x)`.
    static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        precondition(x.isFinite && abs(x) < 1e5, "argument out of the supported range")
        let k = (x * twoOverPi).rounded()
        let r = (x - k * pio2High) - k * pio2Low
        let r2 = r * r
        // sin r = r (1 - r^2/3! + r^4/5! - ...), cos r = 1 - r^2/2! + r^4/4! - ...
        var s = 0.0, c = 0.0
        var n = 17.0
        while n >= 3 {
            s = (1 - s) * r2 / (n * (n - 1))
            n -= 2
        }
        s = r * (1 - s)
        n = 18
        while n >= 2 {
            c = (1 - c) * r2 / (n * (n - 1))
            n -= 2
        }
        c = 1 - c
        switch Int(k).quotientAndRemainder(dividingBy: 4).remainder {
        case 0: return (s, c)
        case 1, -3: return (c, -s)
        case 2, -2: return (-s, -c)
        default: return (-c, s)
        }
    }
}
