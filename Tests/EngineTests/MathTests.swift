import Foundation
import Testing
@testable import Engine

#if arch(x86_64) && os(Linux)
/// Reference precision: glibc's 80-bit long double functions (64-bit significand,
/// errors of about 1 ulp of Float80 = 2^-11 ulp of Double), so measured errors
/// are fractional ulps against an almost exact value.
typealias Reference = Float80
func referenceExp(_ x: Reference) -> Reference { expl(x) }
func referenceLog(_ x: Reference) -> Reference { logl(x) }
func referenceTanh(_ x: Reference) -> Reference { tanhl(x) }
func referenceErf(_ x: Reference) -> Reference { erfl(x) }
/// Extra ulps allowed because the reference itself is rounded.
let referenceSlack = 0.0
#else
typealias Reference = Double
func referenceExp(_ x: Reference) -> Reference { Foundation.exp(x) }
func referenceLog(_ x: Reference) -> Reference { Foundation.log(x) }
func referenceTanh(_ x: Reference) -> Reference { Foundation.tanh(x) }
func referenceErf(_ x: Reference) -> Reference { Foundation.erf(x) }
let referenceSlack = 1.0
#endif

/// Logistic function in reference precision, 1 / (1 + e^-x) (overflow-safe form).
func referenceSigmoid(_ x: Reference) -> Reference {
    x >= 0 ? 1 / (1 + referenceExp(-x)) : referenceExp(x) / (1 + referenceExp(x))
}

/// Accuracy of `DeterministicMath` in ulps against the C library in higher
/// precision over dense sweeps, plus special values (IEEE-754 / C99 Annex F
/// conventions) and known constants.
@Suite struct MathTests {
    /// |y - exact| in units of the last place of the exact value's binade in T.
    static func ulpError<T: BinaryFloatingPoint>(_ y: T, _ exact: Reference) -> Double {
        if exact.isNaN { return y.isNaN ? 0 : .infinity }
        let rounded = T(exact)
        if rounded.isInfinite || y.isInfinite { return y == rounded ? 0 : .infinity }
        var ulp = rounded == 0 ? T.leastNonzeroMagnitude : rounded.magnitude.ulp
        // Just below a power of two the exact value lives in the smaller binade.
        if rounded.magnitude == rounded.magnitude.binade && Reference(rounded.magnitude) > exact.magnitude
            && rounded.magnitude > T.leastNormalMagnitude {
            ulp /= 2
        }
        return Double((Reference(y) - exact).magnitude / Reference(ulp))
    }

    /// Points spread over [a, b] plus log-spaced magnitudes 10^lo...10^hi of both signs.
    static func sweep(linear a: Double, _ b: Double, count: Int, logFrom lo: Double, to hi: Double,
                      logCount: Int, positiveOnly: Bool = false) -> [Double] {
        var xs: [Double] = []
        xs.reserveCapacity(count + logCount)
        for i in 0..<count { xs.append(a + (b - a) * (Double(i) + 0.318_309_886) / Double(count)) }
        for i in 0..<logCount {
            let m = Foundation.pow(10, lo + (hi - lo) * (Double(i) + 0.5) / Double(logCount))
            xs.append(positiveOnly || i % 2 == 0 ? m : -m)
        }
        return xs
    }

    /// Maximum ulp error of `f` (in T) against `exact` over `xs`, and the worst point.
    static func maxError<T: BinaryFloatingPoint>(_ xs: [Double], _ f: (T) -> T,
                                                 _ exact: (Reference) -> Reference) -> (Double, Double) {
        var worst = 0.0, at = 0.0
        for x in xs {
            let t = T(x)
            let e = ulpError(f(t), exact(Reference(t)))
            if e > worst { worst = e; at = Double(t) }
        }
        return (worst, at)
    }

    static func check<T: BinaryFloatingPoint>(_ name: String, _ xs: [Double], _ f: (T) -> T,
                                              _ exact: (Reference) -> Reference, bound: Double) {
        let (worst, at) = maxError(xs, f, exact)
        print("\(name): max error \(worst) ulp at x = \(at) over \(xs.count) points")
        #expect(worst <= bound + referenceSlack, "\(name): \(worst) ulp at x = \(at)")
    }

    // MARK: float64 sweeps

    @Test func expDoubleWithinBound() {
        let xs = Self.sweep(linear: -745.2, 709.8, count: 150_000, logFrom: -18, to: 0.3, logCount: 50_000)
        Self.check("exp(Double)", xs, { (x: Double) in DeterministicMath.exp(x) }, referenceExp, bound: 1)
    }

    @Test func logDoubleWithinBound() {
        // x = 2^u over the whole range (incl. subnormals) plus dense around 1.
        var xs = (0..<100_000).map { Foundation.pow(2, -1074 + 2098 * (Double($0) + 0.5) / 100_000) }
        xs += (0..<100_000).map { 0.5 + 1.5 * (Double($0) + 0.318_309_886) / 100_000 }
        Self.check("log(Double)", xs, { (x: Double) in DeterministicMath.log(x) }, referenceLog, bound: 1)
    }

    @Test func tanhDoubleWithinBound() {
        let xs = Self.sweep(linear: -25, 25, count: 100_000, logFrom: -12, to: 0.5, logCount: 100_000)
        Self.check("tanh(Double)", xs, { (x: Double) in DeterministicMath.tanh(x) }, referenceTanh, bound: 1)
    }

    @Test func sigmoidDoubleWithinBound() {
        var xs = Self.sweep(linear: -40, 40, count: 150_000, logFrom: -12, to: 0.5, logCount: 20_000)
        xs += Self.sweep(linear: -750, 40, count: 30_000, logFrom: 0, to: 0, logCount: 0)
        Self.check("sigmoid(Double)", xs, { (x: Double) in DeterministicMath.sigmoid(x) }, referenceSigmoid, bound: 1)
    }

    @Test func erfDoubleWithinBound() {
        let xs = Self.sweep(linear: -7, 7, count: 100_000, logFrom: -12, to: 0.5, logCount: 100_000)
        Self.check("erf(Double)", xs, { (x: Double) in DeterministicMath.erf(x) }, referenceErf, bound: 1)
    }

    // MARK: float32 sweeps

    @Test func floatFunctionsAreCorrectlyRoundedOnSweeps() {
        let expXs = Self.sweep(linear: -104, 89, count: 150_000, logFrom: -9, to: 0.3, logCount: 50_000)
        Self.check("exp(Float)", expXs, { (x: Float) in DeterministicMath.exp(x) }, referenceExp, bound: 0.501)
        var logXs = (0..<100_000).map { Foundation.pow(2, -149 + 277 * (Double($0) + 0.5) / 100_000) }
        logXs += (0..<100_000).map { 0.5 + 1.5 * (Double($0) + 0.318_309_886) / 100_000 }
        Self.check("log(Float)", logXs, { (x: Float) in DeterministicMath.log(x) }, referenceLog, bound: 0.501)
        let tanhXs = Self.sweep(linear: -12, 12, count: 100_000, logFrom: -9, to: 0.5, logCount: 100_000)
        Self.check("tanh(Float)", tanhXs, { (x: Float) in DeterministicMath.tanh(x) }, referenceTanh, bound: 0.501)
        var sigXs = Self.sweep(linear: -20, 20, count: 150_000, logFrom: -9, to: 0.5, logCount: 20_000)
        sigXs += Self.sweep(linear: -110, 20, count: 30_000, logFrom: 0, to: 0, logCount: 0)
        Self.check("sigmoid(Float)", sigXs, { (x: Float) in DeterministicMath.sigmoid(x) }, referenceSigmoid, bound: 0.501)
        let erfXs = Self.sweep(linear: -5, 5, count: 100_000, logFrom: -9, to: 0.5, logCount: 100_000)
        Self.check("erf(Float)", erfXs, { (x: Float) in DeterministicMath.erf(x) }, referenceErf, bound: 0.501)
    }

    // MARK: special values and known constants

    @Test func expSpecialValues() {
        typealias M = DeterministicMath
        #expect(M.exp(0.0) == 1 && M.exp(-0.0) == 1)
        #expect(M.exp(Double.infinity) == .infinity && M.exp(-Double.infinity) == 0)
        #expect(M.exp(Double.nan).isNaN)
        #expect(M.exp(1.0) == 2.718281828459045)  // e rounded to double
        #expect(M.exp(709.78).isFinite && M.exp(709.79) == .infinity)
        #expect(M.exp(-745.14) == 0)
        #expect(M.exp(-745.13) == Double.leastNonzeroMagnitude)  // e^-745.13 = 5.03e-324
        #expect(M.exp(-740.0).isSubnormal)
        #expect(M.exp(Float(0)) == 1 && M.exp(Float.infinity) == .infinity && M.exp(-Float.infinity) == 0)
        #expect(M.exp(Float(88.72)).isFinite && M.exp(Float(88.73)) == .infinity)  // ln(Float.max) = 88.7228
        #expect(M.exp(Float(-104)) == 0 && M.exp(Float(-103)).isSubnormal)
        #expect(M.exp(Float.nan).isNaN)
    }

    @Test func logSpecialValues() {
        typealias M = DeterministicMath
        #expect(M.log(1.0) == 0 && M.log(1.0).sign == .plus)
        #expect(M.log(0.0) == -.infinity && M.log(-0.0) == -.infinity)
        #expect(M.log(-1.0).isNaN && M.log(Double.nan).isNaN && M.log(-Double.infinity).isNaN)
        #expect(M.log(Double.infinity) == .infinity)
        #expect(M.log(2.0) == 0.6931471805599453)  // ln 2 rounded to double
        #expect(M.log(Double.leastNonzeroMagnitude) == -744.4400719213812)  // -1074 ln 2
        #expect(M.log(Double.greatestFiniteMagnitude) == 709.782712893384)
        #expect(M.log(Float(1)) == 0 && M.log(Float(0)) == -.infinity && M.log(Float(-2)).isNaN)
        #expect(M.log(Float.leastNonzeroMagnitude) == -103.27893)  // -149 ln 2
    }

    @Test func tanhSigmoidSpecialValues() {
        typealias M = DeterministicMath
        #expect(M.tanh(0.0).sign == .plus && M.tanh(-0.0).sign == .minus && M.tanh(-0.0) == 0)
        #expect(M.tanh(Double.infinity) == 1 && M.tanh(-Double.infinity) == -1 && M.tanh(Double.nan).isNaN)
        #expect(M.tanh(1e-300) == 1e-300 && M.tanh(-Double.leastNonzeroMagnitude) == -Double.leastNonzeroMagnitude)
        #expect(M.tanh(0.5) == 0.46211715726000974)  // tanh(1/2) = 0.462117157260009758...
        #expect(M.tanh(40.0) == 1 && M.tanh(Float(-40)) == -1)
        for x in stride(from: 0.01, to: 3, by: 0.37) { #expect(M.tanh(-x) == -M.tanh(x)) }
        #expect(M.sigmoid(0.0) == 0.5 && M.sigmoid(-0.0) == 0.5 && M.sigmoid(Float(0)) == 0.5)
        #expect(M.sigmoid(Double.infinity) == 1 && M.sigmoid(-Double.infinity) == 0 && M.sigmoid(Double.nan).isNaN)
        #expect(M.sigmoid(800.0) == 1 && M.sigmoid(-800.0) == 0)
        #expect(M.sigmoid(-700.0) > 0)  // e^-700 = 9.86e-305 stays representable
        #expect(M.sigmoid(Float(-100)) > 0 && M.sigmoid(Float(-110)) == 0)
    }

    @Test func erfSpecialValues() {
        typealias M = DeterministicMath
        #expect(M.erf(0.0).sign == .plus && M.erf(-0.0).sign == .minus && M.erf(-0.0) == 0)
        #expect(M.erf(Double.infinity) == 1 && M.erf(-Double.infinity) == -1 && M.erf(Double.nan).isNaN)
        #expect(M.erf(1.0) == 0.8427007929497149)  // erf(1) = 0.842700792949714869...
        #expect(M.erf(0.5) == 0.5204998778130465)  // erf(1/2) = 0.520499877813046537...
        #expect(M.erf(-2.0) == -0.9953222650189527)  // erf(2) = 0.995322265018952734...
        #expect(M.erf(10.0) == 1 && M.erf(Float(-10)) == -1)
        // Subnormal arguments: erf x = (2/sqrt(pi)) x = 1.128379... x, rounded.
        #expect(M.erf(Double.leastNonzeroMagnitude) == Double.leastNonzeroMagnitude)
        let twoOverRootPi: Reference = 1.128_379_167_095_512_573_9
        #expect(Self.ulpError(M.erf(0x1p-1030), twoOverRootPi * 0x1p-1030) <= 0.5)
        #expect(Self.ulpError(M.erf(Float(0x1p-133)), twoOverRootPi * 0x1p-133) <= 0.5)
    }
}
