import Testing
import Support

/// The one spelling of JSON text: expected strings are written by hand.
@Suite struct CanonicalJSONTests {
    @Test func stringEscapingIsTheRunIdOne() {
        var out = ""
        JSONWriter.writeString("q\"b\\n\nr\rt\t\u{08}\u{0C}\u{01}\u{1F}/é", to: &out)
        #expect(out == #""q\"b\\n\nr\rt\t\u0008\u000c\u0001\u001f/é""#)
    }

    @Test func nonFiniteNumbersUseTheStoredSpelling() {
        #expect(ExactNumber.node(.infinity) == .string("inf"))
        #expect(ExactNumber.node(-.infinity) == .string("-inf"))
        #expect(ExactNumber.node(.nan) == .string("nan"))
        #expect(ExactNumber.node(-0.0) == .number("-0.0"))
        #expect(ExactNumber.node(0.1) == .number("0.1"))
        #expect(ExactNumber.double(.string("inf")) == .infinity)
        #expect(ExactNumber.double(.string("-inf")) == -.infinity)
        #expect(ExactNumber.double(.string("nan"))?.isNaN == true)
        #expect(ExactNumber.double(.string("NaN")) == nil)
    }

    @Test func compactTextSortsKeysByUTF8AndRoundTrips() throws {
        let node = JSONNode.object(["b": .number("1"), "a": .array([.bool(true), .null]), "é": .string("x\u{08}"),
                                    "Z": .string("inf")])
        let text = #"{"Z":"inf","a":[true,null],"b":1,"é":"x\u0008"}"#
        #expect(node.compactText == text)
        #expect(try JSONParser.parse(text) == node)
    }

    @Test func parserReadsTheOtherEscapeSpellings() throws {
        #expect(try JSONParser.parse(#""\b\f\/\u00e9""#) == .string("\u{08}\u{0C}/é"))
    }
}
