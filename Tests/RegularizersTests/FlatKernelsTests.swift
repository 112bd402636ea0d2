import Testing
@testable import Regularizers

/// The reductions follow the summation order their documentation states, so every
/// build gives the same bits.
@Suite struct FlatKernelsTests {
    /// Values whose float32 sums (of squares, magnitudes and squared differences)
    /// all differ between this order and a plain left-to-right loop.
    let x: [Float] = (0..<19).map { i in
        let magnitude: Float = i % 6 == 0 ? 6000 : 1
        let sign: Float = i % 2 == 0 ? 1 : -1
        return magnitude * (1 + Float(i) / 7) * sign
    }

    /// Partial j sums elements j, j+8 (indices below 16), the partials combine as
    /// ((p0+p1)+(p2+p3))+((p4+p5)+(p6+p7)), then elements 16, 17, 18 follow in order.
    func documentedOrder(_ term: (Int) -> Float, count n: Int, start: Int = 0) -> Float {
        var p = [Float](repeating: 0, count: 8)
        let blocks = (n - start) / 8
        for b in 0..<blocks { for j in 0..<8 { p[j] += term(start + b * 8 + j) } }
        var s = ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]))
        for i in (start + blocks * 8)..<n { s += term(i) }
        return s
    }

    func leftToRight(_ term: (Int) -> Float, count n: Int, start: Int = 0) -> Float {
        var s: Float = 0
        for i in start..<n { s += term(i) }
        return s
    }

    @Test func valuesAreOrderSensitive() {
        #expect(leftToRight({ x[$0] * x[$0] }, count: x.count) != documentedOrder({ x[$0] * x[$0] }, count: x.count))
        #expect(leftToRight({ abs(x[$0]) }, count: x.count) != documentedOrder({ abs(x[$0]) }, count: x.count))
    }

    @Test func sumOfSquaresOrder() {
        let got = x.withUnsafeBufferPointer { FlatKernels.sumOfSquares($0) }
        #expect(got == documentedOrder({ x[$0] * x[$0] }, count: x.count))
    }

    @Test func sumOfMagnitudesOrder() {
        let got = x.withUnsafeBufferPointer { FlatKernels.sumOfMagnitudes($0) }
        #expect(got == documentedOrder({ abs(x[$0]) }, count: x.count))
    }

    @Test func neighbourDifferencesOrder() {
        let got = x.withUnsafeBufferPointer { FlatKernels.sumOfSquaredNeighbourDifferences($0) }
        #expect(got == documentedOrder({ (x[$0] - x[$0 - 1]) * (x[$0] - x[$0 - 1]) }, count: x.count, start: 1))
    }

    /// L x for the path 0 - 1 - 2 - 3: rows (1,-1,0,0), (-1,2,-1,0), (0,-1,2,-1), (0,0,-1,1),
    /// so L (1, 4, 9, 16) = (-3, -2, -2, 7); with lambda 0.5 and mu 2 the result is
    /// 0.5 x + 2 L x = (-5.5, -2, 0.5, 22).
    @Test func pathLaplacianOfFourPoints() {
        let v: [Double] = [1, 4, 9, 16]
        func apply(_ lambda: Double, _ mu: Double) -> [Double] {
            var out = [Double](repeating: .nan, count: 4)
            v.withUnsafeBufferPointer { p in
                out.withUnsafeMutableBufferPointer { FlatKernels.shiftedPathLaplacian(p, lambda: lambda, mu: mu, into: $0) }
            }
            return out
        }
        let plain: [Double] = [-3, -2, -2, 7], shifted: [Double] = [-5.5, -2, 0.5, 22]
        #expect(apply(0, 1) == plain)
        #expect(apply(0.5, 2) == shifted)
    }
}
