/// Cosine on [0, π] from basic arithmetic only, so schedules are identical on every
/// platform. Reduction to |r| ≤ π/4 and Taylor polynomials through degree 16 (cos)
/// and 17 (sin): the truncation error is below (π/4)^18 / 18! ≈ 1.3e-18.
enum CosineFunction {
    /// cos(x) for x in [0, π].
    static func cos(_ x: Double) -> Double {
        precondition(x >= 0 && x <= Double.pi, "CosineFunction.cos covers [0, π]")
        let quarter = Double.pi / 4
        if x <= quarter { return cosTaylor(x) }
        if x <= 3 * quarter { return sinTaylor(Double.pi / 2 - x) }
        return -cosTaylor(Double.pi - x)
    }

    static func cosTaylor(_ r: Double) -> Double {
        let r2 = r * r
        var term = 1.0, sum = 1.0
        for k in stride(from: 2, through: 16, by: 2) {
            term *= -r2 / Double((k - 1) * k)
            sum += term
        }
        return sum
    }

    static func sinTaylor(_ r: Double) -> Double {
        let r2 = r * r
        var term = r, sum = r
        for k in stride(from: 3, through: 17, by: 2) {
            term *= -r2 / Double((k - 1) * k)
            sum += term
        }
        return sum
    }
}
