import Testing
import Support
@testable import Optimizers

/// The non-default variants (other line searches, curvature policies, SR1 and L-SR1
/// without trust region) also solve the quadratic and Rosenbrock's function.
@Suite struct VariantTests {
    static let variants: [(String, [String: ParamValue])] = [
        ("bfgs", ["line_search": .string("armijo")]),
        ("bfgs", ["curvature": .string("skip")]),
        ("dfp", ["curvature": .string("damped")]),
        ("sr1", ["trust_region": .bool(false)]),
        ("sr1", ["trust_region": .bool(false), "line_search": .string("strong_wolfe")]),
        ("lsr1", ["trust_region": .bool(false)]),
        ("lsr1", ["history": .int(3)]),
        ("lbfgs", ["line_search": .string("armijo")]),
        ("lbfgs", ["curvature": .string("damped"), "history": .int(3)]),
        ("newton_cg", ["line_search": .string("strong_wolfe")]),
        ("newton_cg", ["damping": .double(0)]),
    ]

    @Test(arguments: variants.indices)
    func solvesQuadraticAndRosenbrock(index: Int) throws {
        let (id, params) = Self.variants[index]
        // Near the minimizer f only resolves ‖x - x*‖ to about √ε_mach, so 1e-6 is the bar.
        for (p, tolerance) in [(Problems.quadratic4, 1e-6), (Problems.rosenbrock, 1e-6)] {
            let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: params, dimension: p.dimension)
            let (x, steps) = try run(optimizer, oracle: p.oracle(), from: p.start, maxSteps: 3000) {
                p.distanceToMinimizer($0) <= tolerance
            }
            #expect(p.distanceToMinimizer(x) <= tolerance, "\(id) \(params) on \(p.name): \(x) after \(steps) steps")
        }
    }
}
