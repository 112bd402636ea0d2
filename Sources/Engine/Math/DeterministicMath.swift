import Foundation

/// The project's own transcendental functions, so that results do not depend on
/// the C library's version.
public enum DeterministicMath {
    @inlinable public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inlinable public static func log(_ x: Double) -> Double { Foundation.log(x) }
    @inlinable public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    @inlinable public static func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
    @inlinable public static func erf(_ x: Double) -> Double { Foundation.erf(x) }
    @inlinable public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
    @inlinable public static func log(_ x: Float) -> Float { Foundation.logf(x) }
    @inlinable public static func tanh(_ x: Float) -> Float { Foundation.tanhf(x) }
    @inlinable public static func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.expf(-x)) }
    @inlinable public static func erf(_ x: Float) -> Float { Foundation.erff(x) }
}
