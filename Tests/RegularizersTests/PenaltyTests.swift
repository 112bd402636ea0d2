import Testing
import Engine
import Models
import Support
@testable import Regularizers

/// Values, gradients and Hessian-vector products of the loss penalties.
///
/// Hand values use `Fixtures.values`: sum of squares of the weight 8.715, of the
/// bias 1.01, of the gain 1.57, of the embedding 3.855; sums of magnitudes 6.3
/// (weight) and 3.3 (embedding); sums of squared neighbour differences in row-major
/// order 19.53 (weight: -1.75, 3.25, -1.25, -1.05, 1.8) and 5.955 (embedding:
/// 1.15, 0.1, -2.15).
@Suite struct PenaltyTests {
    let specs = Fixtures.specs
    let x = Fixtures.tensors

    func penalty(_ r: any Regularizer) -> NumericCheck.F {
        { vars in r.penalty(vars, specs: Fixtures.specs)! }
    }

    @Test func l2ValueSkipsBiasesAndGainsByDefault() throws {
        let r = try Fixtures.make("l2", ["lambda": .double(0.2)])
        #expect(abs(NumericCheck.value(x, penalty(r)) - 0.1 * (8.715 + 3.855)) < 1e-12)
        let all = try Fixtures.make("l2", ["lambda": .double(0.2), "include_bias": .bool(true)])
        #expect(abs(NumericCheck.value(x, penalty(all)) - 0.1 * (8.715 + 1.01 + 1.57 + 3.855)) < 1e-12)
    }

    @Test func l2GradientIsLambdaTimesWeights() throws {
        let r = try Fixtures.make("l2", ["lambda": .double(0.2)])
        let g = NumericCheck.gradient(x, penalty(r))
        for i in 0..<6 { #expect(abs(g[0].data[i] - 0.2 * Fixtures.values[0][i]) < 1e-15) }
        #expect(g[1].data == [0, 0, 0])
        #expect(g[2].data == [0, 0])
        for i in 0..<4 { #expect(abs(g[3].data[i] - 0.2 * Fixtures.values[3][i]) < 1e-15) }
    }

    @Test func l1Value() throws {
        let r = try Fixtures.make("l1", ["lambda": .double(0.5)])
        #expect(abs(NumericCheck.value(x, penalty(r)) - 0.5 * (6.3 + 3.3)) < 1e-12)
    }

    @Test func rank1ValueFollowsRowMajorNeighbours() throws {
        let r = try Fixtures.make("rank1", ["lambda": .double(0.2), "mu": .double(0.6)])
        let expected = 0.1 * (8.715 + 3.855) + 0.3 * (19.53 + 5.955)
        #expect(abs(NumericCheck.value(x, penalty(r)) - expected) < 1e-12)
    }

    @Test func rank1WithOnlyMuIsTheSmoothnessTerm() throws {
        let r = try Fixtures.make("rank1", ["lambda": .double(0), "mu": .double(2)])
        #expect(abs(NumericCheck.value(x, penalty(r)) - (19.53 + 5.955)) < 1e-12)
    }

    @Test(arguments: [
        ("l2", ["lambda": ParamValue.double(0.3)]),
        ("l2", ["lambda": .double(0.3), "include_bias": .bool(true)]),
        ("l1", ["lambda": .double(0.7)]),
        ("l1", ["lambda": .double(0.7), "include_bias": .bool(true)]),
        ("rank1", ["lambda": .double(0.3), "mu": .double(1.5)]),
        ("rank1", ["lambda": .double(0.3), "mu": .double(1.5), "include_bias": .bool(true)]),
    ])
    func gradientAndHVPMatchCentralDifferences(id: String, params: [String: ParamValue]) throws {
        let f = penalty(try Fixtures.make(id, params))
        #expect(NumericCheck.maxGradientError(x, f) < 1e-8)
        #expect(NumericCheck.maxHVPError(x, direction: NumericCheck.direction(like: x), f) < 1e-7)
    }

    /// The penalty's Hessian is lambda I + mu D'D on each penalized tensor, with D the
    /// (n-1) x n first-difference matrix (row k: -1 at k, +1 at k+1), and zero on
    /// the others; D'D v is formed here with explicit matrices.
    @Test func rank1HessianIsLambdaPlusMuDifferenceGram() throws {
        let (lambda, mu) = (0.3, 1.5)
        let r = try Fixtures.make("rank1", ["lambda": .double(lambda), "mu": .double(mu)])
        let v = NumericCheck.direction(like: x)
        let hv = NumericCheck.hvp(x, direction: v, penalty(r))
        for k in [0, 3] {
            let n = v[k].count
            var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n - 1)
            for row in 0..<(n - 1) { d[row][row] = -1; d[row][row + 1] = 1 }
            let dv = (0..<(n - 1)).map { row in (0..<n).reduce(0.0) { $0 + d[row][$1] * v[k].data[$1] } }
            let dtdv = (0..<n).map { col in (0..<(n - 1)).reduce(0.0) { $0 + d[$1][col] * dv[$1] } }
            for i in 0..<n {
                #expect(abs(hv[k].data[i] - (lambda * v[k].data[i] + mu * dtdv[i])) < 1e-13)
            }
        }
        #expect(hv[1].data.allSatisfy { $0 == 0 })
        #expect(hv[2].data.allSatisfy { $0 == 0 })
    }

    /// The building blocks of the backward rules, composed so that every rule is
    /// itself differentiated:
    /// f(x, y, s) = <x s, s (0.3 I + 1.5 L) y> + sum (x s)^2 + <y, s sign(y)> + s sum |y|.
    @Test func fusedOperationsAreTwiceDifferentiable() {
        let y = Tensor<Double>(shape: [2, 3], data: [0.3, -0.2, 0.9, 1.4, -0.6, 0.25])
        let inputs = [Fixtures.tensors[0], y, Tensor(shape: [], data: [0.7])]
        let f: NumericCheck.F = { v in
            let xs = v[0].scaled(by: v[2])
            let ay = v[1].shiftedPathLaplacian(lambda: 0.3, mu: 1.5, scaledBy: v[2])
            return xs.dot(ay) + xs.sumOfSquares() + v[1].dot(v[1].sign(scaledBy: v[2])) + v[1].sumOfMagnitudes() * v[2]
        }
        #expect(NumericCheck.maxGradientError(inputs, f) < 1e-8)
        #expect(NumericCheck.maxHVPError(inputs, direction: NumericCheck.direction(like: inputs, seed: 11), f) < 1e-7)
    }

    @Test func l1HessianIsZero() throws {
        let r = try Fixtures.make("l1", ["lambda": .double(0.7)])
        let hv = NumericCheck.hvp(x, direction: NumericCheck.direction(like: x), penalty(r))
        #expect(hv.allSatisfy { $0.data.allSatisfy { $0 == 0 } })
    }

    /// Tensors longer than one 8-wide block, with a tail, against plain loops.
    @Test(arguments: [1, 7, 8, 9, 16, 19, 33])
    func longTensorsMatchPlainSums(n: Int) throws {
        let w = (0..<n).map { Double(($0 * 37) % 11) - 5.0 }
        let spec = [ParameterSpec(name: "w", shape: [n], role: .weight, initializer: .zeros)]
        var squares = 0.0, magnitudes = 0.0, differences = 0.0
        for k in 0..<n {
            squares += w[k] * w[k]
            magnitudes += abs(w[k])
            if k > 0 { let d = w[k] - w[k - 1]; differences += d * d }
        }
        let tape = Tape<Double>()
        let p = [tape.parameter(Tensor(shape: [n], data: w))]
        let l2 = try Fixtures.make("l2", ["lambda": .double(2)]).penalty(p, specs: spec)!
        let l1 = try Fixtures.make("l1", ["lambda": .double(1)]).penalty(p, specs: spec)!
        let smooth = try Fixtures.make("rank1", ["lambda": .double(0), "mu": .double(2)]).penalty(p, specs: spec)
        #expect(l2.value.scalarValue == squares)
        #expect(l1.value.scalarValue == magnitudes)
        if n < 2 { #expect(smooth?.value.scalarValue ?? 0 == 0) } else { #expect(smooth!.value.scalarValue == differences) }
    }

    /// The stack's penalty enters a loss like any other term: value, gradient and
    /// Hessian-vector products of loss + penalty are checked together.
    @Test func penalizedObjectiveIsTwiceDifferentiable() throws {
        let stack = try RegularizerStack([
            Fixtures.make("rank1", ["lambda": .double(0.1), "mu": .double(0.4)]),
            Fixtures.make("l1", ["lambda": .double(0.05)]),
            Fixtures.make("dropout", ["p": .double(0.1)]),
        ])
        let f: NumericCheck.F = { v in
            let loss = (v[0].tanh() * v[0]).sum() + (v[1] * v[1] * v[1]).sum() + (v[2].sigmoid()).sum() + v[3].exp().sum()
            return loss + stack.penalty(v, specs: Fixtures.specs)!
        }
        #expect(NumericCheck.maxGradientError(x, f) < 1e-8)
        #expect(NumericCheck.maxHVPError(x, direction: NumericCheck.direction(like: x, seed: 3), f) < 1e-7)
    }

    @Test func zeroStrengthAddsNoPenalty() throws {
        let tape = Tape<Double>()
        let p = x.map { tape.parameter($0) }
        #expect(try Fixtures.make("l2", ["lambda": .double(0)]).penalty(p, specs: specs) == nil)
        #expect(try Fixtures.make("rank1", ["lambda": .double(0), "mu": .double(0)]).penalty(p, specs: specs) == nil)
        #expect(try Fixtures.make("dropout").penalty(p, specs: specs) == nil)
        #expect(RegularizerStack.none.penalty(p, specs: specs) == nil)
    }

    /// A float32 run gets the same penalty, to float32 rounding.
    @Test func float32PenaltyAgreesWithFloat64() throws {
        let r = try Fixtures.make("rank1", ["lambda": .double(0.2), "mu": .double(0.6)])
        let tape = Tape<Float>()
        let p = x.map { t in tape.parameter(Tensor<Float>(shape: t.shape, data: t.data.map { Float($0) })) }
        let value = r.penalty(p, specs: specs)!.value.scalarValue
        #expect(abs(Double(value) - (0.1 * (8.715 + 3.855) + 0.3 * (19.53 + 5.955))) < 1e-5)
    }
}

