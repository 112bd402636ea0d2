import Testing
@testable import Support

@Suite struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let text = #" { "a": [1, -0.5, 2e-3, true, false, null], "b": {"c": "x\"y\\z\n\u00e9\ud83d\ude00"} } "#
        let node = try JSONParser.parse(text)
        #expect(node == .object([
            "a": .array([.number("1"), .number("-0.5"), .number("2e-3"), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("x\"y\\z\né😀")]),
        ]))
    }

    @Test func reportsLineAndColumnOfErrors() {
        #expect(throws: JSONParser.Failure(message: "expected a string as object key", line: 3, column: 1)) {
            try JSONParser.parse("{\n  \"a\": 1,\n}")
        }
        #expect(throws: JSONParser.Failure(message: "duplicate object key \"a\"", line: 1, column: 10)) {
            try JSONParser.parse("{\"a\": 1, \"a\": 2}")
        }
    }

    @Test(arguments: ["01", "1.", "-", ".5", "1e", "+1", "[1,]", "\"abc", "\"\\x\"", "{} x", "", "nul", "\"\t\"",
                      "\"\\ud800\""])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func compactTextSortsKeysByUTF8Bytes() {
        let node = JSONNode.object(["b": .number("1"), "a": .array([.string("é"), .null]), "B": .bool(true)])
        #expect(node.compactText == #"{"B":true,"a":["é",null],"b":1}"#)
    }

    @Test func indentedTextKeepsScalarArraysOnOneLine() {
        let node = JSONNode.object([
            "runs": .array([.object(["x": .array([.number("1.5"), .string("nan")])])]),
            "empty": .object([:]),
            "name": .string("q"),
        ])
        let expected = """
        {
          "empty": {},
          "name": "q",
          "runs": [
            {
              "x": [1.5, "nan"]
            }
          ]
        }

        """
        #expect(JSONWriter.indented(node) == expected)
    }

    @Test func controlCharactersAreEscapedAndReadBack() throws {
        let original = "tab\t nl\n cr\r bell\u{07} nul\u{00} quote\" slash\\ é"
        var out = ""
        JSONWriter.writeString(original, to: &out)
        #expect(out == #""tab\t nl\n cr\r bell\u0007 nul\u0000 quote\" slash\\ é""#)
        #expect(try JSONParser.parse(out) == .string(original))
    }
}
