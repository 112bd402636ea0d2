/// The project's own transcendental functions, so that results do not depend
/// on the C library's version or platform.
///
/// Every function uses only IEEE-754 operations that are correctly rounded
/// everywhere (+, -, *, /, fused multiply-add) and bit manipulation, so the
/// same input gives the same bits on every machine. The float64 versions
/// follow classical argument reduction plus polynomial or rational
/// approximations (see each function). The float32 versions evaluate the
/// float64 function and round once to float32: the float64 result is within
/// about one float64 ulp, so the float32 result is the correctly rounded value
/// except when the exact value lies within ~2^-29 float32 ulp of a rounding
/// midpoint (error then at most 0.5 + 2^-29 ulp).
///
/// Measured maximum errors (in ulps of the result, against glibc's 80-bit
/// `expl`/`logl`/`tanhl`/`erfl` over 200,000-point sweeps; see `MathTests`)
/// are stated on each function.
public enum DeterministicMath {
    /// e^x for float32, via the float64 `exp` rounded once. Max error 0.5 ulp measured.
    public static func exp(_ x: Float) -> Float { Float(exp(Double(x))) }
    /// Natural logarithm for float32, via the float64 `log` rounded once. Max error 0.5 ulp measured.
    public static func log(_ x: Float) -> Float { Float(log(Double(x))) }
    /// Hyperbolic tangent for float32, via the float64 `tanh` rounded once. Max error 0.5 ulp measured.
    public static func tanh(_ x: Float) -> Float { Float(tanh(Double(x))) }
    /// Logistic sigmoid for float32, via the float64 `sigmoid` rounded once. Max error 0.5 ulp measured.
    public static func sigmoid(_ x: Float) -> Float { Float(sigmoid(Double(x))) }
    /// Error function for float32, via the float64 `erf` rounded once. Max error 0.5 ulp measured.
    public static func erf(_ x: Float) -> Float { Float(erf(Double(x))) }
}
