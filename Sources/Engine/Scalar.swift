/// The element types a run can train in: `Float` (float32) and `Double` (float64).
///
/// Every numeric module is generic over `Scalar`; the harness picks the type per
/// run from the grid's `dtype`. The transcendental functions are the project's
/// own (see `DeterministicMath`), so results never depend on the C library.
public protocol Scalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable, CustomStringConvertible
where Self.RawSignificand: FixedWidthInteger {
    /// The dtype name used in grid files and run files: `float32` or `float64`.
    static var dtypeName: String { get }
    /// e^x, deterministic across platforms.
    static func exp(_ x: Self) -> Self
    /// Natural logarithm, deterministic across platforms.
    static func log(_ x: Self) -> Self
    /// Hyperbolic tangent, deterministic across platforms.
    static func tanh(_ x: Self) -> Self
    /// Logistic sigmoid 1 / (1 + e^-x), deterministic across platforms.
    static func sigmoid(_ x: Self) -> Self
    /// Error function, deterministic across platforms.
    static func erf(_ x: Self) -> Self
    /// Converts from `Double` with round-to-nearest.
    init(_ value: Double)
    /// Deterministic row-major GEMM for this type; see `Gemm.multiply`.
    static func gemm(_ p: GemmProblem<Self>, threads: Int)
}

extension Float: Scalar {
    public static var dtypeName: String { "float32" }
    @inlinable public static func exp(_ x: Float) -> Float { DeterministicMath.exp(x) }
    @inlinable public static func log(_ x: Float) -> Float { DeterministicMath.log(x) }
    @inlinable public static func tanh(_ x: Float) -> Float { DeterministicMath.tanh(x) }
    @inlinable public static func sigmoid(_ x: Float) -> Float { DeterministicMath.sigmoid(x) }
    @inlinable public static func erf(_ x: Float) -> Float { DeterministicMath.erf(x) }
    public static func gemm(_ p: GemmProblem<Float>, threads: Int) { Gemm.multiplyFloat(p, threads: threads) }
}

extension Double: Scalar {
    public static var dtypeName: String { "float64" }
    @inlinable public static func exp(_ x: Double) -> Double { DeterministicMath.exp(x) }
    @inlinable public static func log(_ x: Double) -> Double { DeterministicMath.log(x) }
    @inlinable public static func tanh(_ x: Double) -> Double { DeterministicMath.tanh(x) }
    @inlinable public static func sigmoid(_ x: Double) -> Double { DeterministicMath.sigmoid(x) }
    @inlinable public static func erf(_ x: Double) -> Double { DeterministicMath.erf(x) }
    public static func gemm(_ p: GemmProblem<Double>, threads: Int) { Gemm.multiplyDouble(p, threads: threads) }
}
