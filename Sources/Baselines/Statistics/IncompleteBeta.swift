import Foundation

/// The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
///
/// Method: the continued fraction of DLMF 8.17.22,
/// I_x(a, b) = x^a (1-x)^b / (a B(a, b)) · 1 / (1 + d_1 / (1 + d_2 / (1 + ...))),
/// d_{2m+1} = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),
/// d_{2m}   = m (b-m) x / ((a+2m-1)(a+2m)),
/// evaluated from the front with the modified Lentz algorithm (Thompson and
/// Barnett, J. Comput. Phys. 64, 1986). It converges quickly for
/// x < (a+1)/(a+b+2); above that the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)
/// (DLMF 8.17.4) is used instead, the approach of Numerical Recipes 6.4.
public enum IncompleteBeta {
    /// I_x(a, b) for a, b > 0 and 0 <= x <= 1.
    public static func regularized(x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "the incomplete beta function needs a, b > 0")
        precondition(x >= 0 && x <= 1, "the incomplete beta function needs 0 <= x <= 1")
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        if x > (a + 1) / (a + b + 2) { return 1 - regularized(x: 1 - x, a: b, b: a) }
        let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b)
        return exp(logFront) / a * continuedFraction(x: x, a: a, b: b)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        LogGamma.value(a) + LogGamma.value(b) - LogGamma.value(a + b)
    }

    /// 1 / (1 + d_1 / (1 + d_2 / (1 + ...))) by the modified Lentz algorithm.
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-15
        // The fraction is b_0 + a_1/(b_1 + a_2/(b_2 + ...)) with b_0 = 0, a_1 = 1,
        // a_{j+1} = d_j and every other b_j = 1.
        var f = tiny
        var c = f
        var d = 0.0
        func step(_ numerator: Double) -> Double {
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            return delta
        }
        _ = step(1)
        for m in 0..<10_000 {
            let mm = Double(m)
            if m > 0 {
                let even = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
                _ = step(even)
            }
            let odd = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            if abs(step(odd) - 1) < epsilon { return f }
        }
        return f
    }
}
