import Testing
import Support
@testable import Regularizers

/// Registry ids, defaults, canonical names and rejection of bad parameters.
@Suite struct RegistryTests {
    private func defaults(_ id: String) -> [String: ParamValue] {
        RegularizerRegistry.type(id: id)!.declaration.defaults
    }

    @Test func idsAreTheGridNames() {
        #expect(RegularizerRegistry.ids == ["none", "l2", "l1", "weight_decay", "rank1", "dropout", "batchnorm",
                                            "layernorm", "grad_clip", "early_stopping", "label_smoothing"])
    }

    @Test func everyIdBuildsFromItsDefaults() throws {
        for id in RegularizerRegistry.ids {
            let r = try Fixtures.make(id)
            #expect(r.id == id)
            #expect(r.params.values == RegularizerRegistry.type(id: id)!.declaration.defaults)
        }
    }

    @Test func documentedDefaults() {
        #expect(defaults("l2") == ["lambda": .double(1e-4), "include_bias": .bool(false)])
        #expect(defaults("rank1") ==
                ["lambda": .double(1e-4), "mu": .double(1e-4), "include_bias": .bool(false)])
        #expect(defaults("weight_decay")["lambda"] == .double(0.01))
        #expect(defaults("dropout") == ["p": .double(0.5)])
        #expect(defaults("early_stopping") == ["patience": .int(3), "min_delta": .double(0)])
        #expect(defaults("label_smoothing") == ["eps": .double(0.1)])
        #expect(defaults("batchnorm") == ["momentum": .double(0.1), "eps": .double(1e-5)])
        #expect(defaults("grad_clip") == ["max_norm": .double(1)])
        #expect(defaults("none").isEmpty)
    }

    @Test func canonicalNamesRecordResolvedParameters() throws {
        #expect(try Fixtures.make("none").canonicalName == "none")
        #expect(try Fixtures.make("l2").canonicalName == "l2(lambda=0.0001,include_bias=false)")
        #expect(try Fixtures.make("l2", ["lambda": .int(1)]).canonicalName == "l2(lambda=1.0,include_bias=false)")
        #expect(try Fixtures.make("rank1", ["mu": .double(0.5)]).canonicalName
                == "rank1(lambda=0.0001,mu=0.5,include_bias=false)")
        #expect(try Fixtures.make("grad_clip", ["max_value": .double(0.5)]).canonicalName == "grad_clip(max_value=0.5)")
        #expect(try Fixtures.make("early_stopping", ["patience": .double(5)]).canonicalName
                == "early_stopping(patience=5,min_delta=0.0)")
        #expect(try Fixtures.make("layernorm").canonicalName == "layernorm(eps=1e-05)")
    }

    @Test func integersAndWholeNumbersResolveAlike() throws {
        #expect(try Fixtures.make("dropout", ["p": .int(0)]).params == Fixtures.make("dropout", ["p": .double(0)]).params)
        #expect(try Fixtures.make("early_stopping", ["patience": .double(4)]).params.values["patience"] == .int(4))
    }

    @Test func unknownNameSuggestsTheNearest() {
        #expect(throws: RegularizerError.unknownRegularizer(name: "dropot", suggestion: "dropout")) {
            try Fixtures.make("dropot")
        }
        #expect(throws: RegularizerError.unknownRegularizer(name: "weightdecay", suggestion: "weight_decay")) {
            try Fixtures.make("weightdecay")
        }
        #expect(throws: RegularizerError.unknownRegularizer(name: "quantum_foam", suggestion: nil)) {
            try Fixtures.make("quantum_foam")
        }
    }

    @Test func unknownKeySuggestsTheNearest() {
        let typo = #expect(throws: RegularizerError.self) { try Fixtures.make("l2", ["lamda": .double(1)]) }
        #expect(typo?.key == "lamda" && typo?.description.contains("did you mean 'lambda'?") == true)
        let none = #expect(throws: RegularizerError.self) { try Fixtures.make("none", ["p": .double(0.1)]) }
        #expect(none?.key == "p" && none?.description.contains("none takes no parameters") == true)
    }

    @Test(arguments: [
        ("l2", "lambda", ParamValue.double(-1e-4)),
        ("l1", "lambda", .double(-1)),
        ("weight_decay", "lambda", .int(-2)),
        ("rank1", "lambda", .double(-0.1)),
        ("rank1", "mu", .double(-0.1)),
        ("l2", "lambda", .double(.infinity)),
        ("l2", "lambda", .double(.nan)),
        ("dropout", "p", .double(1)),
        ("dropout", "p", .double(-0.1)),
        ("label_smoothing", "eps", .double(1.5)),
        ("early_stopping", "patience", .int(0)),
        ("early_stopping", "min_delta", .double(-0.5)),
        ("grad_clip", "max_norm", .double(0)),
        ("grad_clip", "max_value", .double(-1)),
        ("batchnorm", "momentum", .double(1.5)),
        ("layernorm", "eps", .double(0)),
    ])
    func outOfRangeValuesAreRejectedWithTheirKey(id: String, key: String, value: ParamValue) {
        let error = #expect(throws: RegularizerError.self) { try Fixtures.make(id, [key: value]) }
        guard case .parameter(let e)? = error else {
            Issue.record("expected a parameter error, got \(String(describing: error))"); return
        }
        #expect(e.component == id && e.key == key && e.message.hasPrefix("must be"))
        #expect(error?.regularizer == id && error?.key == key)
        #expect(error?.description.contains(key) == true)
    }

    @Test func wrongKindsAreRejected() {
        for (id, key, value, expected) in [("l2", "lambda", ParamValue.string("big"), "expected a number, got big"),
                                           ("early_stopping", "patience", .double(2.5), "expected an integer, got 2.5"),
                                           ("l1", "include_bias", .int(1), "expected true or false, got 1")] {
            #expect(throws: RegularizerError.parameter(ParamError(component: id, key: key, expected))) {
                try Fixtures.make(id, [key: value])
            }
        }
    }

    @Test func gradClipTakesExactlyOneBound() throws {
        #expect(try Fixtures.make("grad_clip").canonicalName == "grad_clip(max_norm=1.0)")
        #expect(try Fixtures.make("grad_clip", ["max_value": .double(0.5)]).canonicalName == "grad_clip(max_value=0.5)")
        let both = #expect(throws: RegularizerError.self) {
            try Fixtures.make("grad_clip", ["max_norm": .double(1), "max_value": .double(1)])
        }
        #expect(both == .parameter(ParamError(component: "grad_clip", key: "max_value",
                                              "give either max_norm or max_value, not both")))
        let neither = #expect(throws: RegularizerError.self) { try GradientClipping(resolved: Params()) }
        #expect(neither == .exactlyOneOf(regularizer: "grad_clip", keys: ["max_norm", "max_value"], given: []))
    }

    @Test func directConstructionMatchesTheRegistry() throws {
        let r = try L2Penalty.make(["lambda": .double(0.5)])
        #expect(r.lambda == 0.5)
        #expect(r.canonicalName == (try Fixtures.make("l2", ["lambda": .double(0.5)]).canonicalName))
        #expect(try GradientClipping.make(["max_norm": .int(2)]).mode == .norm(2))
    }
}
