import Foundation
@testable import Optimizers

/// An analytic objective with hand-derived gradient and Hessian, written as a sum of
/// squared residuals f(x) = Σ r_i(x)² (the form of Moré, Garbow and Hillstrom,
/// "Testing unconstrained optimization software", ACM TOMS 7, 1981), or directly.
struct TestProblem: Sendable {
    let name: String
    let dimension: Int
    let start: [Double]
    let minimizer: [Double]
    let fStar: Double
    let value: @Sendable ([Double]) -> Double
    let gradient: @Sendable ([Double]) -> [Double]
    let hessian: @Sendable ([Double]) -> [[Double]]

    /// f = Σ r_i², ∇f = 2 J'r, ∇²f = 2 (J'J + Σ r_i ∇²r_i).
    init(name: String, start: [Double], minimizer: [Double], fStar: Double = 0,
         residuals: @escaping @Sendable ([Double]) -> [Double],
         jacobian: @escaping @Sendable ([Double]) -> [[Double]],
         residualHessians: @escaping @Sendable ([Double]) -> [[[Double]]]) {
        let n = start.count
        self.name = name
        self.dimension = n
        self.start = start
        self.minimizer = minimizer
        self.fStar = fStar
        self.value = { x in residuals(x).reduce(0) { $0 + $1 * $1 } }
        self.gradient = { x in
            let r = residuals(x), j = jacobian(x)
            var g = [Double](repeating: 0, count: n)
            for k in 0..<n {
                for i in 0..<r.count { g[k] += j[i][k] * r[i] }
                g[k] *= 2
            }
            return g
        }
        self.hessian = { x in
            let r = residuals(x), j = jacobian(x), h = residualHessians(x)
            var m = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for a in 0..<n {
                for b in 0..<n {
                    var sum = 0.0
                    for i in 0..<r.count {
                        sum += j[i][a] * j[i][b]
                        sum += r[i] * h[i][a][b]
                    }
                    m[a][b] = 2 * sum
                }
            }
            return m
        }
    }

    init(name: String, start: [Double], minimizer: [Double], fStar: Double,
         value: @escaping @Sendable ([Double]) -> Double, gradient: @escaping @Sendable ([Double]) -> [Double],
         hessian: @escaping @Sendable ([Double]) -> [[Double]]) {
        self.name = name
        self.dimension = start.count
        self.start = start
        self.minimizer = minimizer
        self.fStar = fStar
        self.value = value
        self.gradient = gradient
        self.hessian = hessian
    }

    /// A counting oracle over this problem (one fixed objective).
    func oracle(fullBatch: Bool = true, withHessian: Bool = true) -> Oracle<Double> {
        let h = hessian
        return Oracle<Double>(dimension: dimension, value: value,
                              valueAndGradient: { x in (value(x), gradient(x)) },
                              hessianVectorProduct: withHessian ? { x, v in
                                  let m = h(x)
                                  return m.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
                              } : nil,
                              fullBatch: fullBatch)
    }

    /// The same problem in float32 (for dtype smoke tests).
    func floatOracle() -> Oracle<Float> {
        let toD = { (x: [Float]) in x.map(Double.init) }
        return Oracle<Float>(dimension: dimension, value: { Float(value(toD($0))) },
                             valueAndGradient: { x in (Float(value(toD(x))), gradient(toD(x)).map(Float.init)) },
                             hessianVectorProduct: { x, v in
                                 let m = hessian(toD(x))
                                 return m.map { row in Float(zip(row, toD(v)).reduce(0) { $0 + $1.0 * $1.1 }) }
                             }, fullBatch: true)
    }
}

enum Problems {
    /// f = ½ x'Ax - b'x with A symmetric positive definite; minimizer A⁻¹b.
    static func quadratic(_ a: [[Double]], _ b: [Double], start: [Double], minimizer: [Double]) -> TestProblem {
        let n = b.count
        let ax = { @Sendable (x: [Double]) in a.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } } }
        let fStar = -0.5 * zip(b, minimizer).reduce(0) { $0 + $1.0 * $1.1 }
        return TestProblem(name: "quadratic", start: start, minimizer: minimizer, fStar: fStar,
                           value: { x in
                               let v = ax(x)
                               return 0.5 * zip(x, v).reduce(0) { $0 + $1.0 * $1.1 } - zip(b, x).reduce(0) { $0 + $1.0 * $1.1 }
                           },
                           gradient: { x in zip(ax(x), b).map { $0 - $1 } },
                           hessian: { _ in a })
            .withDimension(n)
    }

    /// A 4 x 4 SPD matrix with eigenvalues spread over [~0.5, ~12] and b chosen so the
    /// minimizer is (1, -2, 0.5, 3).
    static let quadraticMatrix: [[Double]] = [
        [10, 1, 2, 0.5],
        [1, 6, 0.5, 1],
        [2, 0.5, 4, 0.25],
        [0.5, 1, 0.25, 1],
    ]
    static let quadraticMinimizer: [Double] = [1, -2, 0.5, 3]

    static var quadratic4: TestProblem {
        let a = quadraticMatrix, xs = quadraticMinimizer
        let b = a.map { row in zip(row, xs).reduce(0) { $0 + $1.0 * $1.1 } }
        return quadratic(a, b, start: [0, 0, 0, 0], minimizer: xs)
    }

    /// Rosenbrock (MGH #1): r = (10(x2 - x1²), 1 - x1); start (-1.2, 1); minimum (1, 1).
    static let rosenbrock = TestProblem(
        name: "rosenbrock", start: [-1.2, 1], minimizer: [1, 1],
        residuals: { x in [10 * (x[1] - x[0] * x[0]), 1 - x[0]] },
        jacobian: { x in [[-20 * x[0], 10], [-1, 0]] },
        residualHessians: { _ in [[[-20, 0], [0, 0]], [[0, 0], [0, 0]]] })

    /// Helical valley (MGH #7): r = (10(x3 - 10θ), 10(‖(x1, x2)‖ - 1), x3) with
    /// 2πθ = arctan(x2/x1) (+π when x1 < 0); start (-1, 0, 0); minimum (1, 0, 0).
    static let helicalValley: TestProblem = {
        @Sendable func theta(_ x: [Double]) -> Double {
            let t = atan(x[1] / x[0]) / (2 * Double.pi)
            return x[0] < 0 ? t + 0.5 : t
        }
        return TestProblem(
            name: "helical_valley", start: [-1, 0, 0], minimizer: [1, 0, 0],
            residuals: { x in
                let r = (x[0] * x[0] + x[1] * x[1]).squareRoot()
                return [10 * (x[2] - 10 * theta(x)), 10 * (r - 1), x[2]]
            },
            jacobian: { x in
                let r2 = x[0] * x[0] + x[1] * x[1], r = r2.squareRoot()
                let c = 1 / (2 * Double.pi * r2)
                return [[100 * x[1] * c, -100 * x[0] * c, 10],
                        [10 * x[0] / r, 10 * x[1] / r, 0],
                        [0, 0, 1]]
            },
            residualHessians: { x in
                let r2 = x[0] * x[0] + x[1] * x[1], r = r2.squareRoot(), r3 = r2 * r
                let c = 1 / (2 * Double.pi * r2 * r2)
                // θ_11 = 2 x1 x2 c, θ_12 = (x2² - x1²) c, θ_22 = -2 x1 x2 c; residual 1 is -100 θ.
                let t11 = 2 * x[0] * x[1] * c, t12 = (x[1] * x[1] - x[0] * x[0]) * c, t22 = -t11
                return [[[-100 * t11, -100 * t12, 0], [-100 * t12, -100 * t22, 0], [0, 0, 0]],
                        [[10 * x[1] * x[1] / r3, -10 * x[0] * x[1] / r3, 0],
                         [-10 * x[0] * x[1] / r3, 10 * x[0] * x[0] / r3, 0], [0, 0, 0]],
                        [[0, 0, 0], [0, 0, 0], [0, 0, 0]]]
            })
    }()

    /// Powell singular (MGH #13): r = (x1 + 10x2, √5(x3 - x4), (x2 - 2x3)², √10(x1 - x4)²);
    /// start (3, -1, 0, 1); minimum 0 at the origin (singular Hessian there).
    static let powellSingular: TestProblem = {
        let s5 = 5.0.squareRoot(), s10 = 10.0.squareRoot()
        return TestProblem(
            name: "powell_singular", start: [3, -1, 0, 1], minimizer: [0, 0, 0, 0],
            residuals: { x in [x[0] + 10 * x[1], s5 * (x[2] - x[3]), (x[1] - 2 * x[2]) * (x[1] - 2 * x[2]),
                               s10 * (x[0] - x[3]) * (x[0] - x[3])] },
            jacobian: { x in
                let u = x[1] - 2 * x[2], w = x[0] - x[3]
                return [[1, 10, 0, 0], [0, 0, s5, -s5], [0, 2 * u, -4 * u, 0], [2 * s10 * w, 0, 0, -2 * s10 * w]]
            },
            residualHessians: { _ in
                let z = [[Double]](repeating: [0, 0, 0, 0], count: 4)
                return [z, z,
                        [[0, 0, 0, 0], [0, 2, -4, 0], [0, -4, 8, 0], [0, 0, 0, 0]],
                        [[2 * s10, 0, 0, -2 * s10], [0, 0, 0, 0], [0, 0, 0, 0], [-2 * s10, 0, 0, 2 * s10]]]
            })
    }()

    /// Beale (MGH #5): r_i = y_i - x1(1 - x2^i), y = (1.5, 2.25, 2.625); start (1, 1);
    /// minimum (3, 0.5).
    static let beale = TestProblem(
        name: "beale", start: [1, 1], minimizer: [3, 0.5],
        residuals: { x in
            [1.5, 2.25, 2.625].enumerated().map { i, y in y - x[0] * (1 - pow(x[1], Double(i + 1))) }
        },
        jacobian: { x in
            (1...3).map { i in [-(1 - pow(x[1], Double(i))), x[0] * Double(i) * pow(x[1], Double(i - 1))] }
        },
        residualHessians: { x in
            (1...3).map { i in
                let d = Double(i) * pow(x[1], Double(i - 1))
                let dd = i >= 2 ? Double(i * (i - 1)) * pow(x[1], Double(i - 2)) : 0
                return [[0, d], [d, x[0] * dd]]
            }
        })

    /// Wood (MGH #14): r = (10(x2 - x1²), 1 - x1, √90(x4 - x3²), 1 - x3, √10(x2 + x4 - 2),
    /// (x2 - x4)/√10); start (-3, -1, -3, -1); minimum (1, 1, 1, 1).
    static let wood: TestProblem = {
        let s90 = 90.0.squareRoot(), s10 = 10.0.squareRoot()
        return TestProblem(
            name: "wood", start: [-3, -1, -3, -1], minimizer: [1, 1, 1, 1],
            residuals: { x in [10 * (x[1] - x[0] * x[0]), 1 - x[0], s90 * (x[3] - x[2] * x[2]), 1 - x[2],
                               s10 * (x[1] + x[3] - 2), (x[1] - x[3]) / s10] },
            jacobian: { x in
                [[-20 * x[0], 10, 0, 0], [-1, 0, 0, 0], [0, 0, -2 * s90 * x[2], s90], [0, 0, -1, 0],
                 [0, s10, 0, s10], [0, 1 / s10, 0, -1 / s10]]
            },
            residualHessians: { _ in
                @Sendable func single(_ i: Int, _ v: Double) -> [[Double]] {
                    var m = [[Double]](repeating: [0, 0, 0, 0], count: 4)
                    m[i][i] = v
                    return m
                }
                let z = [[Double]](repeating: [0, 0, 0, 0], count: 4)
                return [single(0, -20), z, single(2, -2 * s90), z, z, z]
            })
    }()
}

extension TestProblem {
    fileprivate func withDimension(_ n: Int) -> TestProblem {
        precondition(n == dimension)
        return self
    }

    /// Euclidean distance to the known minimizer.
    func distanceToMinimizer(_ x: [Double]) -> Double {
        zip(x, minimizer).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }
}

/// Runs `optimizer` from `start` until `stop` says so or `maxSteps` steps, returning
/// the final point and the steps taken.
func run<O: Optimizer>(_ optimizer: O, oracle: Oracle<O.S>, from start: [O.S], maxSteps: Int,
                       stop: ([O.S]) -> Bool = { _ in false }) throws -> (x: [O.S], steps: Int) {
    var x = start
    for t in 0..<maxSteps {
        if stop(x) { return (x, t) }
        _ = try optimizer.step(&x, oracle: oracle, iteration: t)
    }
    return (x, maxSteps)
}

/// Same for an existential optimizer from the registry.
func run(_ optimizer: any Optimizer<Double>, oracle: Oracle<Double>, from start: [Double], maxSteps: Int,
         stop: ([Double]) -> Bool = { _ in false }) throws -> (x: [Double], steps: Int) {
    var x = start
    for t in 0..<maxSteps {
        if stop(x) { return (x, t) }
        _ = try optimizer.step(&x, oracle: oracle, iteration: t)
    }
    return (x, maxSteps)
}

/// Max-norm distance between two vectors.
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
