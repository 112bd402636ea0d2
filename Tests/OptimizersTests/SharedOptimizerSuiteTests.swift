import Testing
import Support
@testable import Optimizers

/// One suite over every registered optimizer: it moves the parameters, converges on a
/// convex quadratic, is deterministic, runs in float32, and rejects bad hyperparameters
/// before anything runs.
@Suite struct SharedOptimizerSuiteTests {
    /// Settings under which each method converges on `Problems.quadratic4`; every
    /// registered id must appear here.
    static let convergenceSettings: [String: [String: ParamValue]] = [
        "sgd": ["lr": .double(0.05), "momentum": .double(0.5)],
        "adagrad": ["lr": .double(1)],
        "rmsprop": ["lr": .double(0.01), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "adam": ["lr": .double(0.05), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "adamw": ["lr": .double(0.05), "weight_decay": .double(0), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "bfgs": [:], "dfp": [:], "sr1": [:], "lsr1": [:], "lbfgs": [:], "newton_cg": [:],
        "seed_rank1": [:],
        "adahessian": ["lr": .double(0.5), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "sophia": ["lr": .double(0.05), "rho": .double(1), "k": .int(1), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "olbfgs": ["lr": .double(1)],
        "sqn": ["lr": .double(0.05), "update_interval": .int(5)],
        "hessian_free": [:],
        "shampoo": ["lr": .double(0.05), "schedule": .string("cosine"), "total_steps": .int(3000)],
    ]

    /// Methods that never evaluate the objective (`seed_rank1` only shrinks the
    /// weights): they cannot converge to a minimizer they never see, so the
    /// convergence and float32 checks do not apply; instead the suite checks that
    /// they move a nonzero point without a single oracle call. Their own tests
    /// check the update formula.
    static let objectiveFree: Set<String> = ["seed_rank1"]

    static let ids = OptimizerRegistry.ids

    @Test func everyRegisteredOptimizerIsCovered() {
        #expect(Set(Self.ids) == Set(Self.convergenceSettings.keys))
        #expect(Self.ids == ["sgd", "adagrad", "rmsprop", "adam", "adamw", "bfgs", "dfp", "sr1", "lsr1", "lbfgs", "newton_cg",
                             "seed_rank1", "adahessian", "sophia", "olbfgs", "sqn", "hessian_free", "shampoo"])
    }

    @Test(arguments: ids)
    func movesTheParameters(id: String) throws {
        let p = Problems.quadratic4
        let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 4)
        if Self.objectiveFree.contains(id) {
            let oracle = p.oracle()
            var x = p.minimizer
            let report = try optimizer.step(&x, oracle: oracle, iteration: 0)
            #expect(x != p.minimizer && report.moved)
            #expect(oracle.totalEvaluations == 0)
            #expect(optimizer.counters.steps == 1)
            return
        }
        var x = p.start
        let report = try optimizer.step(&x, oracle: p.oracle(), iteration: 0)
        #expect(x != p.start)
        #expect(report.moved)
        #expect(report.value == p.value(p.start))
        #expect(abs(report.gradientNorm - LinearAlgebra.dot(p.gradient(p.start), p.gradient(p.start)).squareRoot()) <= 1e-12)
        #expect(optimizer.counters.steps == 1)
        #expect(type(of: optimizer).id == id)
        #expect(optimizer.dimension == 4)
    }

    @Test(arguments: ids)
    func convergesOnAQuadratic(id: String) throws {
        guard !Self.objectiveFree.contains(id) else { return }
        let p = Problems.quadratic4
        let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: Self.convergenceSettings[id]!, dimension: 4)
        let gap0 = p.value(p.start) - p.fStar
        let (x, steps) = try run(optimizer, oracle: p.oracle(), from: p.start, maxSteps: 3000) {
            p.value($0) - p.fStar <= 1e-8 * gap0
        }
        #expect(p.value(x) - p.fStar <= 1e-8 * gap0, "\(id) after \(steps) steps: \(x)")
        #expect(p.distanceToMinimizer(x) <= 1e-3)
    }

    @Test(arguments: ids)
    func identicalInputsGiveIdenticalTrajectories(id: String) throws {
        func trajectory() throws -> [[Double]] {
            let p = Problems.rosenbrock
            let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: ["lr": .double(1e-3)].filter { _ in
                (try? OptimizerRegistry.declaration(id: id).param("lr")) != nil
            }, dimension: 2)
            let oracle = p.oracle(fullBatch: false)
            var x = p.start, out: [[Double]] = []
            for t in 0..<25 {
                _ = try optimizer.step(&x, oracle: oracle, iteration: t)
                out.append(x)
            }
            return out
        }
        let a = try trajectory(), b = try trajectory()
        #expect(a == b)
        #expect(a.last! != Problems.rosenbrock.start)
    }

    @Test(arguments: ids)
    func runsInFloat32(id: String) throws {
        let p = Problems.quadratic4
        let optimizer: any Optimizer<Float> = try OptimizerRegistry.make(id: id, params: Self.convergenceSettings[id]!, dimension: 4)
        let oracle = p.floatOracle()
        if Self.objectiveFree.contains(id) {
            var x = p.minimizer.map(Float.init)
            for t in 0..<200 { _ = try optimizer.step(&x, oracle: oracle, iteration: t) }
            #expect(x.allSatisfy { $0.isFinite } && x != p.minimizer.map(Float.init))
            #expect(oracle.totalEvaluations == 0)
            return
        }
        var x = p.start.map(Float.init)
        for t in 0..<200 { _ = try optimizer.step(&x, oracle: oracle, iteration: t) }
        let f = p.value(x.map(Double.init))
        #expect(f - p.fStar <= 1e-2 * (p.value(p.start) - p.fStar), "\(id) float32 gap \(f - p.fStar)")
    }

    /// Every declared parameter rejects a value outside its declaration, an unknown
    /// parameter is rejected with the nearest name, and nothing is built.
    @Test(arguments: ids)
    func rejectsBadHyperparameters(id: String) throws {
        let declaration = try OptimizerRegistry.declaration(id: id)
        for spec in declaration.params {
            var bad: [ParamValue] = spec.type.boundaryProbes.filter { !$0.accepted }.map(\.value)
            switch spec.type {
            case .double:
                bad += [.string("fast"), .double(.nan)]
            case .int:
                bad += [.string("fast"), .double(2.5)]
            case .bool:
                bad += [.string("yes"), .int(1)]
            case .choice:
                bad += [.string("nonsense"), .bool(true)]
            default:
                Issue.record("\(id).\(spec.name): unexpected parameter type \(spec.type)")
            }
            for value in bad {
                #expect(throws: OptimizerError.self, "\(id).\(spec.name) = \(value)") {
                    let _: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [spec.name: value], dimension: 4)
                }
                #expect(throws: OptimizerError.self) { try OptimizerRegistry.validate(id: id, params: [spec.name: value]) }
            }
        }
        let unknown = #expect(throws: OptimizerError.self) { try OptimizerRegistry.validate(id: id, params: ["lrr": .double(0.1)]) }
        guard case .parameter(let e)? = unknown else { Issue.record("expected a parameter error for lrr"); return }
        #expect(e.key == "lrr" && e.message.hasPrefix("unknown parameter 'lrr' of \(id)"))
        if declaration.param("lr") != nil {
            #expect(e.message.contains("did you mean 'lr'?"))
            for lr in [0.0, -0.1] {
                #expect(throws: OptimizerError.parameter(ParamError(component: id, key: "lr", "must be > 0, got \(lr)"))) {
                    try OptimizerRegistry.validate(id: id, params: ["lr": .double(lr)])
                }
            }
        }
    }

    /// Defaults resolve and every documented default passes its own declaration.
    @Test(arguments: ids)
    func defaultsAreValid(id: String) throws {
        let defaults = try OptimizerRegistry.declaration(id: id).defaults
        try OptimizerRegistry.validate(id: id, params: defaults)
        let resolved = try OptimizerRegistry.resolve(id: id, params: [:])
        #expect(resolved.values == defaults)
    }
}
