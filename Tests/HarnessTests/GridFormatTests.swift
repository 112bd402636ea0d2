import Support
import Testing
@testable import GridLanguage
@testable import Harness

@Suite struct GridFormatTests {
    /// Canonical number text is Swift's shortest round-trip form (the same
    /// digits Python's repr gives), with negative zero folded into zero.
    @Test func paramValuesPrintCanonically() {
        #expect(ParamValue.double(0.001).description == "0.001")
        #expect(ParamValue.double(1e-8).description == "1e-08")
        #expect(ParamValue.double(1e-4).description == "0.0001")
        #expect(ParamValue.double(1).description == "1.0")
        #expect(ParamValue.double(-0.0).description == "0.0")
        #expect(ParamValue.double(0.1 + 0.2).description == "0.30000000000000004")
        #expect(ParamValue.double(1e16).description == "1e+16")
        #expect(ParamValue.int(128).description == "128")
        #expect(ParamValue.intList([3, 4, 5]).description == "[3,4,5]")
        #expect(ParamValue.bool(true).description == "true")
        #expect(ParamValue.string("strong_wolfe").description == "strong_wolfe")
    }

    /// RFC 8259 section 7 escapes; keys sorted by UTF-8 bytes.
    @Test func jsonIsCanonical() {
        let value = JSONValue.object([
            "b": .array([.int(1), .double(2.5), .null, .bool(false)]),
            "a": .string("q\"\\\n\t\u{01}é"),
            "B": .object([:]),
        ])
        #expect(value.text == #"{"B":{},"a":"q\"\\\n\t\u0001é","b":[1,2.5,null,false]}"#)
    }

    @Test func rangesReadAsConditions() {
        #expect(ValueRange.positive.description == "> 0")
        #expect(ValueRange.atLeast(1).description == ">= 1")
        #expect(ValueRange.closedOpen(0, 1).description == "in [0, 1)")
        #expect(ValueRange.openClosed(0, 1).description == "in (0, 1]")
        #expect(ValueRange.open(0, 1).description == "in (0, 1)")
        #expect(ValueRange.closed(0, 0.25).description == "in [0, 0.25]")
        #expect(!ValueRange.closedOpen(0, 1).contains(1) && ValueRange.closedOpen(0, 1).contains(0))
        #expect(!ValueRange.open(0, 1).contains(0) && ValueRange.openClosed(0, 1).contains(1))
        #expect(!ValueRange.any.contains(.infinity) && !ValueRange.any.contains(.nan))
        #expect(!ValueRange.positive.contains(0) && ValueRange.positive.contains(1e-300))
    }

    @Test func errorDescriptionFormat() {
        let e = GridError(file: "experiments/x.yaml", line: 12, column: 5, keyPath: "optimizers[1].adam.lr",
                          message: "must be > 0, got -0.1")
        #expect(e.description == "experiments/x.yaml:12:5: error: optimizers[1].adam.lr: must be > 0, got -0.1")
        let whole = GridError(file: "g.yaml", line: 3, column: 1, keyPath: "", message: "malformed YAML: x")
        #expect(whole.description == "g.yaml:3:1: error: malformed YAML: x")
    }
}
