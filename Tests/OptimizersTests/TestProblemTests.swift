import Testing
@testable import Optimizers

/// The analytic test functions themselves: hand-derived gradients and Hessians agree
/// with central finite differences, and the known minima have f = f* and ∇f = 0.
@Suite struct TestProblemTests {
    static let problems = [Problems.rosenbrock, Problems.beale, Problems.wood, Problems.powellSingular,
                           Problems.helicalValley, Problems.quadratic4]

    @Test(arguments: problems.map(\.name))
    func derivativesMatchFiniteDifferences(name: String) {
        let p = Self.problems.first { $0.name == name }!
        let points = [p.start, p.start.enumerated().map { $1 + 0.3 * Double($0 + 1) - 0.1 }]
        let h = 1e-6
        for x in points {
            let g = p.gradient(x), hess = p.hessian(x)
            for k in 0..<p.dimension {
                var xp = x, xm = x
                xp[k] += h; xm[k] -= h
                let fd = (p.value(xp) - p.value(xm)) / (2 * h)
                #expect(abs(fd - g[k]) <= 1e-6 * max(1, abs(g[k])), "\(name) gradient[\(k)]")
                let gp = p.gradient(xp), gm = p.gradient(xm)
                for j in 0..<p.dimension {
                    let fdh = (gp[j] - gm[j]) / (2 * h)
                    #expect(abs(fdh - hess[j][k]) <= 1e-5 * max(1, abs(hess[j][k])), "\(name) hessian[\(j)][\(k)]")
                }
            }
        }
    }

    @Test(arguments: problems.map(\.name))
    func knownMinimumIsStationary(name: String) {
        let p = Self.problems.first { $0.name == name }!
        #expect(abs(p.value(p.minimizer) - p.fStar) <= 1e-12)
        #expect(p.gradient(p.minimizer).allSatisfy { abs($0) <= 1e-12 })
    }

    /// MGH 1981 list the starting values f(x0): Rosenbrock 24.2, Beale 14.203125,
    /// Wood 19192, Powell singular 215, helical valley 2500.
    @Test func startingValuesMatchTheLiterature() {
        #expect(abs(Problems.rosenbrock.value(Problems.rosenbrock.start) - 24.2) < 1e-12)
        #expect(abs(Problems.beale.value(Problems.beale.start) - 14.203125) < 1e-12)
        #expect(abs(Problems.wood.value(Problems.wood.start) - 19192) < 1e-9)
        #expect(abs(Problems.powellSingular.value(Problems.powellSingular.start) - 215) < 1e-12)
        #expect(abs(Problems.helicalValley.value(Problems.helicalValley.start) - 2500) < 1e-9)
    }
}
