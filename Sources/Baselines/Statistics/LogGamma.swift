import Foundation

/// The natural logarithm of the gamma function for positive arguments.
///
/// Written here rather than taken from the C library because glibc's `lgamma`
/// writes the global `signgam`, and checks may run concurrently.
///
/// Method: the recurrence ln Γ(x) = ln Γ(x + k) - ln(x (x+1) ... (x+k-1))
/// moves the argument to z >= 10, where Stirling's series (DLMF 5.11.1;
/// Abramowitz and Stegun 6.1.40) is summed up to the z^-11 term:
/// ln Γ(z) = (z - 1/2) ln z - z + ln(2π)/2 + Σ B_{2k} / (2k (2k-1) z^{2k-1}),
/// with B_2..B_12 = 1/6, -1/30, 1/42, -1/30, 5/66, -691/2730. The first
/// omitted term is below 1/(156 z^13) < 1e-15 for z >= 10.
enum LogGamma {
    /// ln Γ(x) for x > 0.
    static func value(_ x: Double) -> Double {
        precondition(x > 0, "ln Γ is evaluated for positive arguments only")
        var z = x
        var shift = 0.0
        var product = 1.0
        while z < 10 {
            product *= z
            z += 1
            // Keeps the running product in range for tiny arguments.
            if product > 1e280 || product < 1e-280 { shift += log(product); product = 1 }
        }
        shift += log(product)
        let inverse = 1 / z
        let inverse2 = inverse * inverse
        // Σ B_{2k} / (2k (2k-1)) z^{-(2k-1)} for k = 1...6, in Horner form.
        let series = inverse * (1.0 / 12 + inverse2 * (-1.0 / 360 + inverse2 * (1.0 / 1260 + inverse2
            * (-1.0 / 1680 + inverse2 * (1.0 / 1188 + inverse2 * (-691.0 / 360360))))))
        let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_4
        return (z - 0.5) * log(z) - z + halfLogTwoPi + series - shift
    }
}
