import Testing
@testable import Optimizers

/// One suite over every registered optimizer: it moves the parameters, converges on a
/// convex quadratic, is deterministic, runs in float32, and rejects bad hyperparameters
/// before anything runs.
@Suite struct SharedOptimizerSuiteTests {
    /// Settings under which each method converges on `Problems.quadratic4`; every
    /// registered id must appear here.
    static let convergenceSettings: [String: [String: OptimizerParam]] = [
        "sgd": ["lr": .double(0.05), "momentum": .double(0.5)],
        "adagrad": ["lr": .double(1)],
        "rmsprop": ["lr": .double(0.01), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "adam": ["lr": .double(0.05), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "adamw": ["lr": .double(0.05), "weight_decay": .double(0), "schedule": .string("cosine"), "total_steps": .int(3000)],
        "bfgs": [:], "dfp": [:], "sr1": [:], "lsr1": [:], "lbfgs": [:], "newton_cg": [:],
    ]

    static let ids = OptimizerRegistry.ids

    @Test func everyRegisteredOptimizerIsCovered() {
        #expect(Set(Self.ids) == Set(Self.convergenceSettings.keys))
        #expect(Self.ids == ["sgd", "adagrad", "rmsprop", "adam", "adamw", "bfgs", "dfp", "sr1", "lsr1", "lbfgs", "newton_cg"])
    }

    @Test(arguments: ids)
    func movesTheParameters(id: String) throws {
        let p = Problems.quadratic4
        let optimizer: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [:], dimension: 4)
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
                (try? OptimizerRegistry.parameterSpecs(id: id).contains { $0.name == "lr" }) == true
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
        var x = p.start.map(Float.init)
        for t in 0..<200 { _ = try optimizer.step(&x, oracle: oracle, iteration: t) }
        let f = p.value(x.map(Double.init))
        #expect(f - p.fStar <= 1e-2 * (p.value(p.start) - p.fStar), "\(id) float32 gap \(f - p.fStar)")
    }

    /// Every declared parameter rejects a value outside its declaration, an unknown
    /// parameter is rejected with the nearest name, and nothing is built.
    @Test(arguments: ids)
    func rejectsBadHyperparameters(id: String) throws {
        let specs = try OptimizerRegistry.parameterSpecs(id: id)
        for spec in specs {
            var bad: [OptimizerParam] = []
            switch spec.kind {
            case .real(let range), .integer(let range):
                if let lo = range.lower { bad.append(range.lowerInclusive ? .double(lo - 1) : .double(lo)) }
                if let hi = range.upper { bad.append(range.upperInclusive ? .double(hi + 1) : .double(hi)) }
                bad.append(.string("fast"))
                if case .real = spec.kind { bad.append(.double(.nan)) }
                if case .integer = spec.kind { bad.append(.double(2.5)) }
            case .flag:
                bad += [.string("yes"), .int(1)]
            case .choice:
                bad += [.string("nonsense"), .bool(true)]
            }
            for value in bad {
                #expect(throws: OptimizerError.self, "\(id).\(spec.name) = \(value)") {
                    let _: any Optimizer<Double> = try OptimizerRegistry.make(id: id, params: [spec.name: value], dimension: 4)
                }
                #expect(throws: OptimizerError.self) { try OptimizerRegistry.validate(id: id, params: [spec.name: value]) }
            }
        }
        #expect(throws: OptimizerError.unknownParameter(optimizer: id, name: "lrr", suggestion: specs.contains { $0.name == "lr" } ? "lr" : NearestName.suggest("lrr", among: specs.map(\.name)))) {
            try OptimizerRegistry.validate(id: id, params: ["lrr": .double(0.1)])
        }
        if specs.contains(where: { $0.name == "lr" }) {
            for lr in [0.0, -0.1] {
                #expect(throws: OptimizerError.outOfRange(optimizer: id, parameter: "lr", value: "\(lr)", requirement: "> 0")) {
                    try OptimizerRegistry.validate(id: id, params: ["lr": .double(lr)])
                }
            }
        }
    }

    /// Defaults resolve and every documented default passes its own declaration.
    @Test(arguments: ids)
    func defaultsAreValid(id: String) throws {
        let defaults = try OptimizerRegistry.defaults(id: id)
        try OptimizerRegistry.validate(id: id, params: defaults)
        let resolved = try OptimizerRegistry.resolve(id: id, params: [:])
        #expect(resolved.values == defaults)
    }
}
