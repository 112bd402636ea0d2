import Testing
import Support
@testable import Optimizers

/// Names, documented defaults and the rejection of bad input before anything runs.
@Suite struct RegistryTests {
    @Test func unknownOptimizerSuggestsNearestName() {
        for (typo, suggestion) in [("adma", "adam"), ("lbgfs", "lbfgs"), ("newton-cg", "newton_cg"), ("SGD", "sgd"),
                                   ("rmsporp", "rmsprop"), ("adamW", "adamw"), ("lsr", "lsr1")] {
            #expect(throws: OptimizerError.unknownOptimizer(name: typo, suggestion: suggestion)) {
                try OptimizerRegistry.validate(id: typo, params: [:])
            }
        }
        let message = OptimizerError.unknownOptimizer(name: "adma", suggestion: "adam").description
        #expect(message == "unknown optimizer 'adma'; did you mean 'adam'?")
    }

    private func parameterError(_ id: String, _ params: [String: ParamValue]) -> ParamError? {
        do {
            try OptimizerRegistry.validate(id: id, params: params)
        } catch {
            if case .parameter(let e) = error { return e }
        }
        return nil
    }

    @Test func unknownParameterSuggestsNearestName() {
        #expect(parameterError("adam", ["betas1": .double(0.9)])
                == ParamError(component: "adam", key: "betas1", "unknown parameter 'betas1' of adam; did you mean 'beta1'?"))
        #expect(parameterError("lbfgs", ["memory": .int(5)])?.key == "memory")
    }

    @Test func outOfRangeValuesAreRejectedWithTheirRequirement() {
        let cases: [(String, String, ParamValue, String)] = [
            ("adam", "lr", .double(0), "must be > 0, got 0.0"),
            ("adam", "beta1", .double(1), "must be in [0, 1), got 1.0"),
            ("adam", "beta2", .double(-0.1), "must be in [0, 1), got -0.1"),
            ("sgd", "momentum", .double(1), "must be in [0, 1), got 1.0"),
            ("lbfgs", "history", .int(0), "must be >= 1, got 0"),
            ("lsr1", "history", .int(-3), "must be >= 1, got -3"),
            ("sr1", "radius", .double(0), "must be > 0, got 0.0"),
            ("newton_cg", "cg_tol", .double(1), "must be in (0, 1), got 1.0"),
            ("bfgs", "max_memory_mb", .int(0), "must be >= 1, got 0"),
        ]
        for (id, name, value, message) in cases {
            #expect(parameterError(id, [name: value]) == ParamError(component: id, key: name, message))
        }
        let e = OptimizerError.parameter(ParamError(component: "adam", key: "beta1", "must be in [0, 1), got 1.0"))
        #expect(e.description == "adam: parameter 'beta1' must be in [0, 1), got 1.0")
    }

    @Test func choicesSuggestTheNearestOption() {
        #expect(parameterError("bfgs", ["line_search": .string("wolfe")])?.message
                == "expected one of armijo, strong_wolfe, none, got wolfe; did you mean 'strong_wolfe'?")
        #expect(parameterError("adam", ["schedule": .string("cosin")])?.message
                == "expected one of constant, step, cosine, got cosin; did you mean 'cosine'?")
    }

    @Test func typesAreCheckedAndNumbersWidened() throws {
        #expect(parameterError("adam", ["lr": .string("fast")]) == ParamError(component: "adam", key: "lr", "expected a number, got fast"))
        let r = try OptimizerRegistry.resolve(id: "lbfgs", params: ["lr": .int(1), "history": .double(5)])
        #expect(r.values["lr"] == .double(1))
        #expect(r.values["history"] == .int(5))
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.validate(id: "lbfgs", params: ["history": .double(5.5)]) }
    }

    /// The documented defaults (torch.optim's for the first-order methods).
    @Test func defaultsAreTheDocumentedOnes() throws {
        let expected: [String: [String: ParamValue]] = [
            "sgd": ["lr": .double(0.01), "momentum": .double(0), "nesterov": .bool(false), "dampening": .double(0)],
            "adagrad": ["lr": .double(0.01), "eps": .double(1e-10), "initial_accumulator": .double(0)],
            "rmsprop": ["lr": .double(0.01), "alpha": .double(0.99), "eps": .double(1e-8), "momentum": .double(0),
                        "centered": .bool(false)],
            "adam": ["lr": .double(0.001), "beta1": .double(0.9), "beta2": .double(0.999), "eps": .double(1e-8)],
            "adamw": ["lr": .double(0.001), "beta1": .double(0.9), "beta2": .double(0.999), "eps": .double(1e-8),
                      "weight_decay": .double(0.01)],
            "bfgs": ["lr": .double(1), "line_search": .string("strong_wolfe"), "curvature": .string("damped"),
                     "max_memory_mb": .int(512)],
            "dfp": ["lr": .double(1), "line_search": .string("strong_wolfe"), "curvature": .string("skip"),
                    "max_memory_mb": .int(512)],
            "sr1": ["trust_region": .bool(true), "radius": .double(1), "max_radius": .double(100), "eta": .double(1e-4),
                    "skip_r": .double(1e-8), "line_search": .string("armijo"), "lr": .double(1), "max_memory_mb": .int(512)],
            "lsr1": ["history": .int(10), "trust_region": .bool(true), "radius": .double(1)],
            "lbfgs": ["lr": .double(1), "history": .int(10), "line_search": .string("strong_wolfe")],
            "newton_cg": ["lr": .double(1), "damping": .double(1), "cg_max_iter": .int(50), "cg_tol": .double(1e-4),
                          "line_search": .string("armijo")],
        ]
        let schedule: [String: ParamValue] = ["schedule": .string("constant"), "warmup_steps": .int(0),
                                                  "step_size": .int(100), "gamma": .double(0.1), "total_steps": .int(0)]
        for (id, values) in expected {
            let defaults = try OptimizerRegistry.declaration(id: id).defaults
            for (name, value) in values { #expect(defaults[name] == value, "\(id).\(name)") }
            if ["sgd", "adagrad", "rmsprop", "adam", "adamw"].contains(id) {
                for (name, value) in schedule { #expect(defaults[name] == value, "\(id).\(name)") }
            } else {
                #expect(defaults["schedule"] == nil)
            }
        }
    }

    @Test func nesterovNeedsMomentumWithoutDampening() throws {
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.validate(id: "sgd", params: ["nesterov": .bool(true)]) }
        #expect(throws: OptimizerError.self) {
            try OptimizerRegistry.validate(id: "sgd", params: ["nesterov": .bool(true), "momentum": .double(0.9), "dampening": .double(0.1)])
        }
        try OptimizerRegistry.validate(id: "sgd", params: ["nesterov": .bool(true), "momentum": .double(0.9)])
    }

    @Test func cosineNeedsAHorizonWhichTheTrainerCanSupply() throws {
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.validate(id: "adam", params: ["schedule": .string("cosine")]) }
        let r = try OptimizerRegistry.resolve(id: "adam", params: ["schedule": .string("cosine")], totalSteps: 300)
        #expect(r.values["total_steps"] == .int(300))
        // A value the user wrote wins over the budget (0, the default, stands for the budget).
        let own = try OptimizerRegistry.resolve(id: "adam", params: ["schedule": .string("cosine"), "total_steps": .int(50)],
                                                totalSteps: 300)
        #expect(own.values["total_steps"] == .int(50))
        let adam: any Optimizer<Double> = try OptimizerRegistry.make(id: "adam", params: ["schedule": .string("cosine")],
                                                                     dimension: 3, totalSteps: 300)
        #expect((adam as? Adam<Double>)?.schedule.totalSteps == 300)
        // Methods without schedules ignore the budget.
        #expect(try OptimizerRegistry.resolve(id: "lbfgs", params: [:], totalSteps: 300).values["total_steps"] == nil)
    }

    @Test func radiiMustBeOrdered() {
        #expect(throws: OptimizerError.self) {
            try OptimizerRegistry.validate(id: "sr1", params: ["radius": .double(10), "max_radius": .double(5)])
        }
    }

    /// Dense methods refuse models whose n x n matrix exceeds max_memory_mb and name
    /// the limited-memory alternative; the check also runs from `validate`.
    @Test func denseMethodsRefuseLargeModels() throws {
        // 20000² doubles = 3.2 GB > 512 MiB.
        #expect(throws: OptimizerError.modelTooLarge(optimizer: "bfgs", dimension: 20_000, requiredBytes: 3_200_000_000,
                                                     limitBytes: 536_870_912, alternative: "lbfgs")) {
            let _: any Optimizer<Double> = try OptimizerRegistry.make(id: "bfgs", params: [:], dimension: 20_000)
        }
        #expect(throws: OptimizerError.self) {
            let _: any Optimizer<Float> = try OptimizerRegistry.make(id: "dfp", params: ["max_memory_mb": .double(1)], dimension: 1000)
        }
        do {
            try OptimizerRegistry.validate(id: "sr1", params: [:], dimension: 20_000)
            Issue.record("sr1 accepted a 20000-parameter model")
        } catch {
            #expect(error.description.contains("'lsr1'"))
            #expect(error.description.contains("3051.8 MiB"))
        }
        // Limited-memory methods and small models are fine.
        try OptimizerRegistry.validate(id: "lbfgs", params: [:], dimension: 20_000)
        try OptimizerRegistry.validate(id: "lsr1", params: [:], dimension: 20_000)
        try OptimizerRegistry.validate(id: "bfgs", params: [:], dimension: 1000)
    }

    @Test func canonicalArgumentsAreSortedAndComplete() throws {
        let r = try OptimizerRegistry.resolve(id: "newton_cg", params: ["damping": .double(0.5)])
        #expect(r.canonicalArguments == "cg_max_iter=50, cg_tol=0.0001, damping=0.5, line_search=armijo, lr=1.0")
    }
}
