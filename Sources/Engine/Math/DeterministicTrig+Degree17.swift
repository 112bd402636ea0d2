extension DeterministicTrig {
    private static let twoOverPi = 0.636619772367581343076

    /// `(sin x, cos x)` as the synthetic datasets have always computed them
    /// (formerly `Datasets.Trigonometry`): reduction by multiples of pi/2 with
    /// the quotient rounded from `x * 2/pi`, then Taylor polynomials up to
    /// x^17 / x^18 on [-pi/4, pi/4] (truncation error below 1e-18).
    ///
    /// It differs from `sinCos` in the last bit for about 1% of arguments, so
    /// generated data keeps using it: stored runs were made with these numbers.
    /// Meant for moderate arguments (|x| < 1e5).
    public static func sinCosDegree17(_ x: Double) -> (sin: Double, cos: Double) {
        precondition(x.isFinite && abs(x) < 1e5, "argument out of the supported range")
        let k = (x * twoOverPi).rounded()
        let r = (x - k * pio2Hi) - k * pio2Lo
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
