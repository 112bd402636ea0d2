import Testing
import Support
@testable import Regularizers

/// Registry ids, defaults, canonical names and rejection of bad parameters.
@Suite struct RegistryTests {
    @Test func idsAreTheGridNames() {
        #expect(RegularizerRegistry.ids == ["none", "l2", "l1", "weight_decay", "rank1", "dropout", "batchnorm",
                                            "layernorm", "grad_clip", "early_stopping", "label_smoothing"])
    }

    @Test func everyIdBuildsFromItsDefaultsExceptGradClip() throws {
        for id in RegularizerRegistry.ids where id != "grad_clip" {
            let r = try Fixtures.make(id)
            #expect(r.id == id)
            #expect(r.params.values == RegularizerRegistry.defaults(id: id))
        }
    }

    @Test func documentedDefaults() {
        #expect(RegularizerRegistry.defaults(id: "l2") == ["lambda": .double(1e-4), "include_bias": .bool(false)])
        #expect(RegularizerRegistry.defaults(id: "rank1") ==
                ["lambda": .double(1e-4), "mu": .double(1e-4), "include_bias": .bool(false)])
        #expect(RegularizerRegistry.defaults(id: "weight_decay")["lambda"] == .double(0.01))
        #expect(RegularizerRegistry.defaults(id: "dropout") == ["p": .double(0.5)])
        #expect(RegularizerRegistry.defaults(id: "early_stopping") == ["patience": .int(3), "min_delta": .double(0)])
        #expect(RegularizerRegistry.defaults(id: "label_smoothing") == ["eps": .double(0.1)])
        #expect(RegularizerRegistry.defaults(id: "batchnorm") == ["momentum": .double(0.1), "eps": .double(1e-5)])
        #expect(RegularizerRegistry.defaults(id: "grad_clip").isEmpty)
        #expect(RegularizerRegistry.defaults(id: "none").isEmpty)
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
        #expect(throws: RegularizerError.unknownParameter(regularizer: "l2", key: "lamda", suggestion: "lambda")) {
            try Fixtures.make("l2", ["lamda": .double(1)])
        }
        #expect(throws: RegularizerError.unknownParameter(regularizer: "none", key: "p", suggestion: nil)) {
            try Fixtures.make("none", ["p": .double(0.1)])
        }
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
        guard case .outOfRange(let r, let k, _, _)? = error else {
            Issue.record("expected outOfRange, got \(String(describing: error))"); return
        }
        #expect(r == id && k == key)
        #expect(error?.regularizer == id && error?.key == key)
        #expect(error?.description.contains(key) == true)
    }

    @Test func wrongKindsAreRejected() {
        #expect(throws: RegularizerError.wrongType(regularizer: "l2", key: "lambda", expected: "number", value: .string("big"))) {
            try Fixtures.make("l2", ["lambda": .string("big")])
        }
        #expect(throws: RegularizerError.wrongType(regularizer: "early_stopping", key: "patience", expected: "integer",
                                                   value: .double(2.5))) {
            try Fixtures.make("early_stopping", ["patience": .double(2.5)])
        }
        #expect(throws: RegularizerError.wrongType(regularizer: "l1", key: "include_bias", expected: "boolean",
                                                   value: .int(1))) {
            try Fixtures.make("l1", ["include_bias": .int(1)])
        }
    }

    @Test func gradClipNeedsExactlyOneBound() throws {
        let none = #expect(throws: RegularizerError.self) { try Fixtures.make("grad_clip") }
        #expect(none == .exactlyOneOf(regularizer: "grad_clip", keys: ["max_norm", "max_value"], given: []))
        #expect(none?.key == "max_norm")
        let both = #expect(throws: RegularizerError.self) {
            try Fixtures.make("grad_clip", ["max_norm": .double(1), "max_value": .double(1)])
        }
        #expect(both == .exactlyOneOf(regularizer: "grad_clip", keys: ["max_norm", "max_value"],
                                      given: ["max_norm", "max_value"]))
        #expect(both?.key == "max_value")
        #expect(both?.description == "grad_clip: give only one of 'max_norm' or 'max_value', not 'max_norm' and 'max_value'")
    }

    @Test func directConstructionMatchesTheRegistry() throws {
        let r = try L2Penalty.make(["lambda": .double(0.5)])
        #expect(r.lambda == 0.5)
        #expect(r.canonicalName == (try Fixtures.make("l2", ["lambda": .double(0.5)]).canonicalName))
        #expect(try GradientClipping.make(["max_norm": .int(2)]).mode == .norm(2))
    }
}
