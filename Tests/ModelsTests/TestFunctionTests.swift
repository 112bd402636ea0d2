import Testing
import TestSupport
import Foundation
import Engine
import Support
@testable import Models

/// The Moré-Garbow-Hillstrom test functions: f* at the known minimizer, f at the
/// standard starting point (worked out by hand from the definitions in MGH 1981),
/// and exact Hessian-vector products against hand-derived Hessians.
@Suite struct TestFunctionTests {
    func value(_ f: any TestFunction, at x: [Double]) -> Double {
        let tape = Tape<Double>()
        return f.value(tape.parameter(Tensor(shape: [x.count], data: x))).value.scalarValue
    }

    /// The full Hessian from Hessian-vector products with the unit vectors.
    func hessianFromHVP(_ f: any TestFunction, at x: [Double]) -> [[Double]] {
        let n = x.count
        return (0..<n).map { j in
            let tape = Tape<Double>()
            let p = tape.parameter(Tensor(shape: [n], data: x))
            var e = [Double](repeating: 0, count: n); e[j] = 1
            return tape.hessianVectorProduct(of: f.value(p), withRespectTo: [p], vector: [Tensor(shape: [n], data: e)]).hv[0].data
        }
    }

    func expectHessian(_ f: any TestFunction, at x: [Double], _ expected: [[Double]]) {
        let h = hessianFromHVP(f, at: x)
        for i in 0..<x.count {
            for j in 0..<x.count {
                let scale = max(1, abs(expected[i][j]))
                #expect(abs(h[j][i] - expected[i][j]) <= 1e-10 * scale, "\(f.id) H[\(i)][\(j)] = \(h[j][i]), expected \(expected[i][j])")
            }
        }
    }

    /// Hessian of a sum of squares f = sum r_k^2: 2 sum (grad r_k grad r_k^T + r_k hess r_k).
    func sumOfSquaresHessian(_ residuals: [(r: Double, grad: [Double], hess: [[Double]])]) -> [[Double]] {
        let n = residuals[0].grad.count
        var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for (r, g, hr) in residuals {
            for i in 0..<n { for j in 0..<n { h[i][j] += 2 * (g[i] * g[j] + r * hr[i][j]) } }
        }
        return h
    }

    static let all: [any TestFunction] = [
        ExtendedRosenbrock(n: 2), ExtendedRosenbrock(n: 10), PowellSingular(), Beale(), Wood(), FreudensteinRoth(),
        BrownBadlyScaled(), HelicalValley(), ConvexQuadratic(n: 6, condition: 1000),
    ]

    @Test(arguments: all.indices)
    func minimumAtMinimizer(index: Int) {
        let f = Self.all[index]
        #expect(abs(value(f, at: f.minimizer) - f.minimum) < 1e-12, "\(f.id)")
    }

    /// f(x0) by hand: Rosenbrock 100 (1 - 1.44)^2 + 2.2^2 = 24.2; extended (n = 10) five
    /// times that; Powell 49 + 5 + 1 + 160 = 215; Beale 1.5^2 + 2.25^2 + 2.625^2 = 14.203125;
    /// Wood 10000 + 16 + 9000 + 16 + 160 = 19192; Freudenstein-Roth 19.5^2 + 4.5^2 = 400.5; Brown (1 - 10^6)^2 +
    /// (1 - 2 10^-6)^2 + 1; helical valley (10 (0 - 10 * 0.5))^2 = 2500.
    @Test func valuesAtStandardStart() {
        let expected: [Double] = [24.2, 121, 215, 14.203125, 19192, 400.5,
                                  999_998_000_001 + (1 - 2e-6) * (1 - 2e-6) + 1, 2500]
        for (f, v) in zip(Self.all, expected) {
            #expect(abs(value(f, at: f.start) - v) <= 1e-12 * max(1, v), "\(f.id)")
        }
        #expect(Self.all[0].start == [-1.2, 1] && Wood().start == [-3, -1, -3, -1] && FreudensteinRoth().start == [0.5, -2])
    }

    @Test func rosenbrockHessian() {
        for x in [[-1.2, 1.0], [0.3, -0.7]] {
            expectHessian(ExtendedRosenbrock(n: 2), at: x,
                          [[1200 * x[0] * x[0] - 400 * x[1] + 2, -400 * x[0]], [-400 * x[0], 200]])
        }
        let x = [-1.2, 1, 0.5, 0.2]
        expectHessian(ExtendedRosenbrock(n: 4), at: x, [
            [1200 * 1.44 - 400 + 2, 480, 0, 0], [480, 200, 0, 0],
            [0, 0, 1200 * 0.25 - 80 + 2, -200], [0, 0, -200, 200],
        ])
    }

    @Test func powellSingularHessian() {
        let x = [3.0, -1, 0, 1]
        let u = x[1] - 2 * x[2], w = x[0] - x[3]
        let a = 12 * u * u, b = 120 * w * w
        expectHessian(PowellSingular(), at: x, [
            [2 + b, 20, 0, -b],
            [20, 200 + a, -2 * a, 0],
            [0, -2 * a, 10 + 4 * a, -10],
            [-b, 0, -10, 10 + b],
        ])
    }

    @Test func bealeHessian() {
        let x = [1.3, 0.4]
        let y = [1.5, 2.25, 2.625]
        let residuals = (1...3).map { i -> (Double, [Double], [[Double]]) in
            let p = Double(i)
            let r = y[i - 1] - x[0] * (1 - pow(x[1], p))
            let g = [-(1 - pow(x[1], p)), x[0] * p * pow(x[1], p - 1)]
            let cross = p * pow(x[1], p - 1)
            let h22 = i >= 2 ? x[0] * p * (p - 1) * pow(x[1], p - 2) : 0
            return (r, g, [[0, cross], [cross, h22]])
        }
        expectHessian(Beale(), at: x, sumOfSquaresHessian(residuals))
    }

    @Test func woodHessian() {
        let x = [-3.0, -1, -3, -1]
        expectHessian(Wood(), at: x, [
            [1200 * x[0] * x[0] - 400 * x[1] + 2, -400 * x[0], 0, 0],
            [-400 * x[0], 220.2, 0, 19.8],
            [0, 0, 1080 * x[2] * x[2] - 360 * x[3] + 2, -360 * x[2]],
            [0, 19.8, -360 * x[2], 200.2],
        ])
    }

    @Test func freudensteinRothHessian() {
        let x = [0.5, -2.0], t = x[1]
        let r1 = -13 + x[0] + ((5 - t) * t - 2) * t, r2 = -29 + x[0] + ((t + 1) * t - 14) * t
        expectHessian(FreudensteinRoth(), at: x, sumOfSquaresHessian([
            (r1, [1, 10 * t - 3 * t * t - 2], [[0, 0], [0, 10 - 6 * t]]),
            (r2, [1, 3 * t * t + 2 * t - 14], [[0, 0], [0, 6 * t + 2]]),
        ]))
    }

    @Test func brownBadlyScaledHessian() {
        let x = [1.0, 1.0]
        expectHessian(BrownBadlyScaled(), at: x, sumOfSquaresHessian([
            (x[0] - 1e6, [1, 0], [[0, 0], [0, 0]]),
            (x[1] - 2e-6, [0, 1], [[0, 0], [0, 0]]),
            (x[0] * x[1] - 2, [x[1], x[0]], [[0, 1], [1, 0]]),
        ]))
    }

    /// theta = atan2(x2, x1) / (2 pi): d theta = (-x2, x1) / (2 pi r^2);
    /// second derivatives (2 x1 x2, x2^2 - x1^2, -2 x1 x2) / (2 pi r^4).
    @Test func helicalValleyHessian() {
        for x in [[-1.0, 0.3, 0.2], [0.7, -0.4, 0.5], [-0.6, -0.8, 1.1]] {
            let (a, b) = (x[0], x[1])
            let r2 = a * a + b * b, rho = r2.squareRoot(), tp = 2 * Double.pi
            var angle = atan2(b, a)
            if angle < -Double.pi / 2 { angle += 2 * Double.pi }
            let theta = angle / tp
            let dTheta = [-b / (tp * r2), a / (tp * r2)]
            let hTheta = [[2 * a * b / (tp * r2 * r2), (b * b - a * a) / (tp * r2 * r2)],
                          [(b * b - a * a) / (tp * r2 * r2), -2 * a * b / (tp * r2 * r2)]]
            expectHessian(HelicalValley(), at: x, sumOfSquaresHessian([
                (10 * (x[2] - 10 * theta), [-100 * dTheta[0], -100 * dTheta[1], 10],
                 [[-100 * hTheta[0][0], -100 * hTheta[0][1], 0], [-100 * hTheta[1][0], -100 * hTheta[1][1], 0], [0, 0, 0]]),
                (10 * (rho - 1), [10 * a / rho, 10 * b / rho, 0],
                 [[10 * b * b / (rho * r2), -10 * a * b / (rho * r2), 0], [-10 * a * b / (rho * r2), 10 * a * a / (rho * r2), 0], [0, 0, 0]]),
                (x[2], [0, 0, 1], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]),
            ]))
        }
    }

    /// Without rotation the Hessian is diag(kappa^(i/(n-1))); with rotation the
    /// rotation-invariant trace and Frobenius norm equal sum lambda_i and
    /// sqrt(sum lambda_i^2), the Hessian is symmetric, and the gradient is H x.
    @Test func quadraticHessian() {
        let n = 5, kappa = 100.0
        let lambda = (0..<n).map { pow(kappa, Double($0) / Double(n - 1)) }
        let diagonal = ConvexQuadratic(n: n, condition: kappa, rotated: false)
        expectHessian(diagonal, at: diagonal.start, (0..<n).map { i in (0..<n).map { i == $0 ? lambda[i] : 0 } })

        let rotated = ConvexQuadratic(n: n, condition: kappa)
        let h = hessianFromHVP(rotated, at: [0.3, -1, 2, 0.5, 0])
        let trace = (0..<n).reduce(0.0) { $0 + h[$1][$1] }
        let frobenius2 = h.flatMap { $0 }.reduce(0.0) { $0 + $1 * $1 }
        #expect(abs(trace - lambda.reduce(0, +)) < 1e-9)
        #expect(abs(frobenius2 - lambda.reduce(0) { $0 + $1 * $1 }) < 1e-7)
        #expect(abs(h[0][0] - lambda[0]) > 1e-3, "the rotation is not the identity")
        for i in 0..<n { for j in 0..<n { #expect(abs(h[i][j] - h[j][i]) < 1e-10) } }
        let tape = Tape<Double>()
        let x = tape.parameter(Tensor(shape: [n], data: rotated.start))
        let g = tape.gradients(of: rotated.value(x), withRespectTo: [x])[0].value.data
        for i in 0..<n { #expect(abs(g[i] - h[i].reduce(0, +)) < 1e-9) }
        #expect(abs(value(rotated, at: rotated.start) - 0.5 * h.flatMap { $0 }.reduce(0, +)) < 1e-9)
    }

    /// Every test function's exact HVP also agrees with differences of gradients.
    @Test(arguments: all.indices)
    func hessianVectorProductMatchesFiniteDifferences(index: Int) {
        let f = Self.all[index]
        let x = zip(f.start, GradientCheck.tensor([f.dimension], seed: 4, low: -0.1, high: 0.1).data).map { $0 + $1 }
        let error = GradientCheck.maxHVPError([Tensor(shape: [f.dimension], data: x)]) { v in f.value(v[0]) }
        #expect(error < 1e-5, "\(f.id): \(error)")
    }

    @Test func registryModelsReportMinimumAndStart() throws {
        let model = try ModelRegistry.make(id: "wood", params: Params(), data: .none)
        #expect(model.output == .objective(minimum: 0))
        #expect(model.parameterSpecs.map(\.name) == ["x"] && model.parameterSpecs[0].role == .point)
        #expect(model.initialParameters(seed: 42, as: Double.self)[0].data == [-3, -1, -3, -1])
        #expect(model.parameterCount == 4)
        let extended = try ModelRegistry.make(id: "extended_rosenbrock", params: Params(["n": .int(6)]), data: .none)
        #expect(extended.parameterCount == 6 && extended.name == "extended_rosenbrock(n=6)")
    }
}
