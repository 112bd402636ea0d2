import Foundation
import Testing
@testable import Recording

@Suite struct RunSummaryTests {
    @Test func describesConfigurationStatusMetricsAndTensors() {
        var record = sampleRecord()
        record.attributes["digest"] = .string(RunDigest.compute(record))
        let lines = RunSummary.describe(record).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Run 0123abcd")
        #expect(lines.contains("  status:         completed"))
        #expect(lines.contains("  stop reason:    steps"))
        #expect(lines.contains("  optimizer:      adam(lr=0.001)"))
        #expect(lines.contains("Configuration:"))
        #expect(lines.contains("  {"))
        #expect(lines.contains("    \"dataset\": \"digits\","))
        #expect(lines.contains("        \"hidden\": [4]"))
        #expect(lines.contains("Final metrics (step 30, 4 evaluation points):"))
        #expect(lines.contains("  train_loss:     0.25"))
        #expect(lines.contains("  val_accuracy:   0.875"))
        #expect(lines.contains("  grad_norm:      nan"))
        #expect(lines.contains("  total evals:    61"))
        #expect(lines.contains("  wall time:      1.25 s"))
        #expect(lines.contains("Digest: \(RunDigest.compute(record)) (matches content)"))
        #expect(lines.contains("  note:           Größe µ — 学習 🚀"))
        #expect(lines.contains("Tensors (6):"))
        #expect(lines.contains("  initial/fc1.weight       float32  [2, 3]"))
        #expect(lines.contains("  final/scale              float64  []"))
        #expect(lines.contains("  hessian: 2 points (steps 0...15): top_eigenvalue, trace"))
    }

    /// Escape sequences in a run file's text reach the terminal only as visible
    /// `\u{..}` text: ESC (0x1b) starts colour, cursor and title sequences.
    @Test func controlCharactersAreShownEscaped() {
        var record = sampleRecord()
        record.attributes["optimizer"] = .string("sgd\u{1b}]0;owned\u{07}\u{1b}[2J\u{9b}x")
        let text = RunSummary.describe(record)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 || $0.value == 0x9b })
        #expect(text.contains("sgd\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{9b}x"))
        #expect(text.contains("\n"))
    }

    @Test func flagsDigestMismatchAndFailure() {
        var record = RunRecord(attributes: ["status": .string("failed"), "error": .string("NaN in loss"),
                                            "digest": .string("00")])
        let text = RunSummary.describe(record)
        #expect(text.contains("  error:          NaN in loss"))
        #expect(text.contains("Digest: 00 (MISMATCH: content gives \(RunDigest.compute(record)))"))
        #expect(text.contains("Final metrics (no evaluation points):"))
        record.attributes["digest"] = nil
        #expect(RunSummary.describe(record).contains("Digest: not stored"))
    }

    @Test func jsonLayoutKeepsTokensAndNests() {
        let text = #"{"a":[1,2.50,"x,]"],"b":{"c":[{"d":null}],"e":{}},"s":"{[\"q\\"}"#
        let expected = """
        {
          "a": [1, 2.50, "x,]"],
          "b": {
            "c": [
              {
                "d": null
              }
            ],
            "e": {}
          },
          "s": "{[\\"q\\\\"
        }
        """
        #expect(JSONLayout.pretty(text) == expected)
        #expect(JSONLayout.pretty(#"{"a":[1,2}"#) == nil)
        #expect(JSONLayout.pretty(#"{"a":1"#) == nil)
        #expect(JSONLayout.pretty(#"{"a":"open}"#) == nil)
    }
}
