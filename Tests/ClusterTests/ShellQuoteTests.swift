import Testing
@testable import Cluster

@Suite struct ShellQuoteTests {
    /// Strings that break naive quoting: spaces, both quote kinds, expansions,
    /// globbing, history, backslashes, a line break, non-ASCII.
    static let hostile = [
        "plain", "", "with space", "it's", "'", "''", "a'b'c", "say \"hi\"", "$HOME", "$(rm -rf /)",
        "`id`", "*.yaml", "!!", "back\\slash", "tab\there", "line\nbreak", "ümlaut µ", "-n", "; echo pwned",
    ]

    @Test func singleQuotingFollowsTheBashRule() {
        #expect(ShellQuote.bash("abc") == "'abc'")
        #expect(ShellQuote.bash("it's") == "'it'\\''s'")
        #expect(ShellQuote.bash("") == "''")
    }

    @Test(arguments: hostile)
    func bashReadsBackTheExactText(_ text: String) {
        let (status, out) = shell("/bin/bash", ["-c", "printf '%s' " + ShellQuote.bash(text)])
        #expect(status == 0)
        #expect(out == text)
    }

    @Test func sbatchOutputEscapesQuotesAndPercent() {
        #expect(ShellQuote.sbatchOutput(directory: "/r/logs", pattern: "%x-%A_%a.out") == "\"/r/logs/%x-%A_%a.out\"")
        #expect(ShellQuote.sbatchOutput(directory: "/r/it's \"x\" 50%/", pattern: "%j.out")
                == "\"/r/it's \\\"x\\\" 50%%/%j.out\"")
    }
}
