import Testing
@testable import Optimizers

/// Second-order methods reach the known minima of classical test functions (Moré,
/// Garbow and Hillstrom 1981) in float64 with their registry defaults.
@Suite struct TestFunctionMinimaTests {
    static let methods = ["bfgs", "lbfgs", "sr1", "newton_cg"]

    /// Rosenbrock from (-1.2, 1): every method ends within 1e-8 of (1, 1).
    @Test(arguments: methods)
    func rosenbrock(id: String) throws {
        let p = Problems.rosenbrock
        let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 2)
        let oracle = p.oracle()
        var (x, steps) = try run(optimizer, oracle: oracle, from: p.start, maxSteps: 500) { p.distanceToMinimizer($0) <= 1e-8 }
        #expect(p.distanceToMinimizer(x) <= 1e-8, "\(id) ended at \(x)")
        // Further steps at the minimizer keep it there (no blow-up from vanishing s and y).
        for t in steps..<(steps + 10) { _ = try optimizer.step(&x, oracle: oracle, iteration: t) }
        #expect(p.distanceToMinimizer(x) <= 1e-8, "\(id) drifted to \(x)")
    }

    @Test(arguments: methods)
    func bealeWoodHelical(id: String) throws {
        for p in [Problems.beale, Problems.wood, Problems.helicalValley] {
            let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: p.dimension)
            let oracle = p.oracle()
            let (x, _) = try run(optimizer, oracle: oracle, from: p.start, maxSteps: 1000) { p.distanceToMinimizer($0) <= 1e-8 }
            #expect(p.distanceToMinimizer(x) <= 1e-8, "\(id) on \(p.name) ended at \(x)")
        }
    }

    /// Powell's singular function has a singular Hessian at its minimizer, so
    /// Newton-type methods converge only linearly there; f is checked instead.
    @Test(arguments: methods)
    func powellSingular(id: String) throws {
        let p = Problems.powellSingular
        let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 4)
        let oracle = p.oracle()
        let (x, _) = try run(optimizer, oracle: oracle, from: p.start, maxSteps: 1000) { p.value($0) <= 1e-20 }
        #expect(p.value(x) <= 1e-20, "\(id) ended at \(x)")
        #expect(p.distanceToMinimizer(x) <= 1e-4)
    }
}
