/// Sine, cosine and arctangent built only from IEEE-754 +, -, *, / (correctly
/// rounded everywhere), so their results do not depend on the C library: the
/// one home of deterministic trigonometry for models, datasets and schedules.
///
/// Three sin/cos evaluations live here because stored runs were made with
/// each and they round differently in the last bit: `sinCos` (models), and
/// `sinCosDegree17` (synthetic datasets) and `cosHalfTurn` (cosine learning-rate
/// schedule) in the extensions next to this file. Merging them would change
/// the numbers of existing runs.
///
/// Accuracy is a few ulp of double precision for the arguments the models use
/// (|x| up to about 1e5 for sin/cos): ample for positional encodings and the
/// helical-valley test function, and bit-identical on every platform.
public enum DeterministicTrig {
    /// pi/2 split in two parts (fdlibm's pio2_1 and pio2_1t): the first has 33
    /// significant bits, so k * pio2Hi is exact for the k used here (Cody-Waite reduction).
    static let pio2Hi = 1.57079632673412561417e+00
    static let pio2Lo = 6.07710050650619224932e-11
    /// pi rounded to double.
    public static let pi = 3.14159265358979311600e+00
    /// pi/2 rounded to double.
    public static let pio2 = 1.57079632679489655800e+00
    static let pio4 = 7.85398163397448278999e-01
    static let tanPiOver8 = 0.41421356237309503

    /// sin(x) and cos(x): reduce x = k pi/2 + r with |r| <= pi/4, evaluate the
    /// Taylor series of sin r and cos r to degree 19 and 20 (truncation below 1e-21),
    /// then rotate by the quadrant k mod 4.
    public static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        let k = (x / pio2).rounded(.toNearestOrEven)
        let r = (x - k * pio2Hi) - k * pio2Lo
        let r2 = r * r
        var s = 0.0, c = 0.0
        // Horner from the highest term: sin r = r (1 - r^2/(2*3) (1 - r^2/(4*5) (...))).
        var n = 19.0
        s = 1
        while n > 1 { s = 1 - r2 / (n * (n - 1)) * s; n -= 2 }
        s *= r
        n = 20
        c = 1
        while n > 0 { c = 1 - r2 / (n * (n - 1)) * c; n -= 2 }
        switch Int(k.truncatingRemainder(dividingBy: 4) + 4) % 4 {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// sin(x), as `sinCos(x).sin`.
    public static func sin(_ x: Double) -> Double { sinCos(x).sin }
    /// cos(x), as `sinCos(x).cos`.
    public static func cos(_ x: Double) -> Double { sinCos(x).cos }

    /// arctan(x) in (-pi/2, pi/2): atan x = pi/2 - atan(1/x) for |x| > 1 and
    /// atan t = pi/4 + atan((t - 1)/(t + 1)) for t > tan(pi/8), leaving |u| <= 0.4143,
    /// where the alternating series sum (-1)^j u^(2j+1) / (2j+1) is summed to j = 25.
    public static func atan(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x < 0 { return -atan(-x) }
        if x > 1 { return x.isInfinite ? pio2 : pio2 - atan(1 / x) }
        if x > tanPiOver8 { return pio4 + atan((x - 1) / (x + 1)) }
        let u2 = x * x
        var sum = 0.0
        var j = 25
        while j >= 0 {
            sum = 1 / Double(2 * j + 1) - u2 * sum
            j -= 1
        }
        return x * sum
    }

    /// The angle of the point (x, y) in (-pi, pi], as C's atan2.
    public static func atan2(_ y: Double, _ x: Double) -> Double {
        if x > 0 { return atan(y / x) }
        if x < 0 { return y >= 0 ? atan(y / x) + pi : atan(y / x) - pi }
        if y > 0 { return pio2 }
        if y < 0 { return -pio2 }
        return 0
    }
}
