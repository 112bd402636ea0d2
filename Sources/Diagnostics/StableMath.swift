/// Small deterministic helpers shared by the eigen-solvers and estimators.
/// Only IEEE-754 operations (add, multiply, divide, square root) are used, so
/// results are identical on every platform.
enum StableMath {
    /// sqrt(x^2 + y^2) without overflow or harmful underflow (scaled by the
    /// larger magnitude).
    static func hypot(_ x: Double, _ y: Double) -> Double {
        let a = Swift.max(abs(x), abs(y)), b = Swift.min(abs(x), abs(y))
        if a == 0 { return 0 }
        let r = b / a
        return a * (1 + r * r).squareRoot()
    }

    /// x with the sign of `sign` (positive for a zero `sign`).
    static func withSign(_ x: Double, of sign: Double) -> Double {
        sign >= 0 ? abs(x) : -abs(x)
    }
}
