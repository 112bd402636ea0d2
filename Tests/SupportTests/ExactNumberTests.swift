import Testing
import Support
import TestSupport

@Suite struct ExactNumberTests {
    @Test func everyDoubleRoundTripsBitForBitThroughJSONText() throws {
        for value in AwkwardDoubles.values {
            var text = ""
            JSONWriter.writeCompact(.array([ExactNumber.node(value)]), to: &text)
            guard case .array(let items) = try JSONParser.parse(text), let back = ExactNumber.double(items[0]) else {
                Issue.record("\(text) did not read back"); continue
            }
            #expect(back.bitPattern == value.bitPattern, "\(text)")
        }
    }

    @Test func textFormsAreTheDocumentedOnes() {
        #expect(ExactNumber.node(0.1 + 0.2) == .number("0.30000000000000004"))
        #expect(ExactNumber.node(-0.0) == .number("-0.0"))
        #expect(ExactNumber.node(Double.leastNonzeroMagnitude) == .number("5e-324"))
        #expect(ExactNumber.node(.nan) == .string("nan"))
        #expect(ExactNumber.node(-.infinity) == .string("-inf"))
        #expect(ExactNumber.node(Double(bitPattern: 0x7ff0_0000_0000_0001)) == .string("nan(0x7ff0000000000001)"))
        #expect(ExactNumber.node(Int64.min) == .number("-9223372036854775808"))
    }

    @Test func integersAreReadOnlyFromIntegerLiterals() {
        #expect(ExactNumber.int64(.number("9223372036854775807")) == Int64.max)
        #expect(ExactNumber.int64(.number("9223372036854775808")) == nil)
        #expect(ExactNumber.int64(.number("1.0")) == nil)
        #expect(ExactNumber.int64(.number("1e3")) == nil)
        #expect(ExactNumber.int64(.string("1")) == nil)
    }

    @Test func malformedSpecialValuesAreRejected() {
        #expect(ExactNumber.double(.string("NaN")) == nil)
        #expect(ExactNumber.double(.string("nan(0x3ff0000000000000)")) == nil)  // the bits of 1.0, not a NaN
        #expect(ExactNumber.double(.string("nan(0x7ff8)")) == nil)
        #expect(ExactNumber.double(.number("1e999")) == nil)
        #expect(ExactNumber.double(.bool(true)) == nil)
    }
}
