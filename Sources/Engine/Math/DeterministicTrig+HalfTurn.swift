extension DeterministicTrig {
    /// cos(x) for x in [0, pi] as the cosine learning-rate schedule has always
    /// computed it (formerly `Optimizers.CosineFunction`): reflection to
    /// |r| <= pi/4 around 0, pi/2 or pi (with `Double.pi`), then Taylor sums in
    /// ascending order through degree 16 (cos) and 17 (sin); the truncation
    /// error is below (pi/4)^18 / 18! ~ 1.3e-18.
    ///
    /// It differs from `sinCos(x).cos` in the last bit for most arguments, so
    /// the schedule keeps using it: stored runs were made with these numbers.
    public static func cosHalfTurn(_ x: Double) -> Double {
        precondition(x >= 0 && x <= Double.pi, "DeterministicTrig.cosHalfTurn covers [0, pi]")
        let quarter = Double.pi / 4
        if x <= quarter { return ascendingCosTaylor(x) }
        if x <= 3 * quarter { return ascendingSinTaylor(Double.pi / 2 - x) }
        return -ascendingCosTaylor(Double.pi - x)
    }

    private static func ascendingCosTaylor(_ r: Double) -> Double {
        let r2 = r * r
        var term = 1.0, sum = 1.0
        for k in stride(from: 2, through: 16, by: 2) {
            term *= -r2 / Double((k - 1) * k)
            sum += term
        }
        return sum
    }

    private static func ascendingSinTaylor(_ r: Double) -> Double {
        let r2 = r * r
        var term = r, sum = r
        for k in stride(from: 3, through: 17, by: 2) {
            term *= -r2 / Double((k - 1) * k)
            sum += term
        }
        return sum
    }
}
