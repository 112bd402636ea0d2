import Foundation
import Recording
import Testing
@testable import Reports

/// Names and labels from grid files must never run as gnuplot code or shell commands.
@Suite struct SafetyTests {
    @Test func hostileNamesRenderWithoutRunningAnything() throws {
        let out = temporaryFolder("hostile")
        let marker = out.appendingPathComponent("MARKER").path
        let payloads = [
            "`touch \(marker)`",
            "x\" . system(\"touch \(marker)\") . \"",
            "x' . system('touch \(marker)') . '",
            "a\nsystem(\"touch \(marker)\")\n!touch \(marker)",
            "<touch \(marker)",
            "|touch \(marker)",
            "$(touch \(marker)) @ARG1 {a_b^c} \\",
            "<script>alert(1)</script> | *x* [l](javascript:alert(1)) # not a comment",
        ]
        // Two composite names serve as models and data sets (two problems); every
        // payload also appears alone as an optimizer, regularizer and optimizer id.
        let composite = [payloads[0..<4].joined(separator: " "), payloads[4...].joined(separator: " ")]
        var records: [RunRecord] = []
        for (i, payload) in payloads.enumerated() {
            var a = SyntheticRuns.learning(optimizerID: "adam", seed: Int64(i / 4), quasiNewton: true)
            a.attributes["model"] = .string(composite[i % 2])
            a.attributes["dataset"] = .string(composite[(i + 1) % 2])
            a.attributes["optimizer"] = .string(payload)
            a.attributes["regularizer"] = .string(payloads[(i + 3) % payloads.count])
            a.attributes["optimizer_id"] = .string(payloads[(i + 5) % payloads.count])
            let escaped = payload.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            a.attributes["optimizer_params"] = .string("{\"lr\":0.01,\"note\":\"\(escaped)\"}")
            records.append(SyntheticRuns.withHessian(a, density: true))
        }
        // First-order ids under hostile names get a 2/lr line whose label is built from numbers.
        for i in 0..<2 {
            var s = SyntheticRuns.withHessian(SyntheticRuns.learning(optimizerID: "sgd", params: ["lr": 0.01]),
                                              density: true)
            s.attributes["model"] = .string(composite[i])
            s.attributes["dataset"] = .string(composite[(i + 1) % 2])
            s.attributes["optimizer"] = .string(payloads[i + 4])
            records.append(s)
        }
        for i in 0..<2 {
            var t = SyntheticRuns.analyticRun(seed: Int64(i))
            t.attributes["model"] = .string(composite[i])
            t.attributes["optimizer"] = .string(payloads[i + 2])
            records.append(t)
        }
        let summary = try ReportRenderer.render(records: records, gridName: payloads[3], gridConfig: payloads.joined(separator: "\n"),
                                                engineVersion: payloads[0], outputDirectory: out,
                                                options: ReportOptions())
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(summary.figures.count > 10)
        // Eigenvalue, trace and density figures for both problems.
        #expect(summary.figures.filter { $0.name.hasPrefix("hessian-") }.count == 6)
        for figure in summary.figures {
            #expect(figure.name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            for file in figure.files { #expect(FileManager.default.fileExists(atPath: file.path)) }
            let script = try String(contentsOf: figure.files[0], encoding: .utf8)
            for leak in ["`", "system(", "\"", "MARKER", "$("] {
                #expect(!script.contains(leak), "untrusted text leaked into \(figure.name).gp")
            }
        }
        let html = try String(contentsOf: summary.indexHTML, encoding: .utf8)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(!html.contains("javascript:alert(1)\">"))
        // The grid configuration is shown literally inside a code fence; everything before it is escaped.
        let md = try String(contentsOf: summary.indexMarkdown, encoding: .utf8)
        let body = try #require(md.components(separatedBy: "## Grid configuration").first)
        #expect(!body.contains("<script>") && !body.contains("[l](javascript") && body.contains("&lt;script&gt;"))
    }

    @Test func dataLabelsStayOneQuotedField() {
        #expect(TextEscaping.gnuplotDataString("a \"b\"\nc\td") == "\"a 'b' c d\"")
        #expect(TextEscaping.gnuplotDataString("") == "\"-\"")
        #expect(TextEscaping.gnuplotDataString("a\\b\\") == "\"a\\\\b\\\\\"")
        #expect(TextEscaping.gnuplotArgument("x\ny\r\u{2028}z") == "x y  z")
    }

    @Test func escapingForHTMLMarkdownAndCSV() {
        #expect(TextEscaping.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(TextEscaping.markdown("a|b *c* <d>\ne") == "a\\|b \\*c\\* &lt;d&gt; e")
        #expect(TextEscaping.csv("plain") == "plain")
        #expect(TextEscaping.csv("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(TextEscaping.csv("=cmd()") == "'=cmd()")
        #expect(TextEscaping.csv("-0.5") == "-0.5")
    }

    @Test func slugsAreSafeAndDistinct() {
        let a = Slug.make(prefix: "curve", words: "<|`x`| Adam(LR=0.1)", identity: "a")
        let b = Slug.make(prefix: "curve", words: "<|`x`| Adam(LR=0.1)", identity: "b")
        #expect(a.hasPrefix("curve-x-adam-lr-0-1-") && a != b)
        #expect(a.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        #expect(Slug.make(prefix: "heatmap", words: "???", identity: "c").count == "heatmap-".count + 8)
    }
}
