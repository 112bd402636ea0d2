import Foundation
import Testing
import TestSupport
@testable import Cluster

/// `--sbatch-option`: verbatim into both scripts, one sbatch word each, and no
/// value can add a shell command or another directive.
@Suite struct SbatchOptionTests {
    /// The words sbatch reads from the argument part of an `#SBATCH` line
    /// (Slurm's `_get_argument`): whitespace separates, `"` and `'` quote, a
    /// backslash escapes the next character, an unquoted `#` ends the line.
    static func sbatchWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character? = nil, escape = false
        for c in line {
            if escape { word.append(c); escape = false; inWord = true; continue }
            if c == "\\" { escape = true; inWord = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
                continue
            }
            if c == "\"" || c == "'" { quote = c; inWord = true; continue }
            if c == "#" { break }
            if c == " " || c == "\t" {
                if inWord { words.append(word); word = ""; inWord = false }
                continue
            }
            word.append(c); inWord = true
        }
        if inWord { words.append(word) }
        return words
    }

    static let hostile = [
        "--comment=a b", "--comment=\"quoted\"", "--comment='single'", "--comment=back\\slash\\",
        "--comment=#not-a-comment", "--comment=$(touch pwned) `touch pwned2` ; touch pwned3",
        "--comment=x\\\" --array=0-999", "--comment=ünïcödé ✓", "--mem=8G", "--gres=gpu:1",
    ]

    @Test(arguments: hostile)
    func everyOptionIsOneSbatchWordEqualToItself(_ option: String) throws {
        try SbatchOption.validate(option)
        let word = SbatchOption.directiveWord(option)
        #expect(Self.sbatchWords(word) == [option], "\(word)")
    }

    @Test func plainOptionsStayReadable() {
        #expect(SbatchOption.directiveWord("--account=proj-1") == "--account=proj-1")
        #expect(SbatchOption.directiveWord("--constraint=a|b") == "\"--constraint=a|b\"")
    }

    @Test(arguments: ["--comment=x\nrm -rf ~", "--comment=x\r#SBATCH --array=0-99", "--comment=\0", "--comment=\u{85}x",
                      "--comment=\u{1B}[2K", "--comment=a\tb"])
    func lineBreaksAndControlCharactersAreRefused(_ option: String) {
        #expect(throws: ClusterError.self) { try SbatchOption.validate(option) }
    }

    @Test(arguments: ["--array=0-9", "--arr=0-9", "--output=/tmp/x", "-o/tmp/x", "-a", "--job-name=x", "-Jx",
                      "--partition=gpu", "-p", "--time=1:00:00", "-t5", "--cpus-per-task=4", "-c4", "mem=8G", "-", ""])
    func optionsBenchOwnsOrNonOptionsAreRefused(_ option: String) {
        #expect(throws: ClusterError.self) { try SbatchOption.validate(option) }
    }

    @Test func optionsGoIntoBothScripts() {
        let o = SlurmOptions(gridPath: "/g.yaml", benchExecutable: "/b", tasks: 2, resultsDirectory: "/r",
                             workingDirectory: "/", extraOptions: ["--account=proj", "--comment=a b"])
        for script in [SlurmScript.render(options: o), SlurmScript.renderReport(options: o)] {
            #expect(script.contains("#SBATCH --cpus-per-task=1\n#SBATCH --account=proj\n#SBATCH \"--comment=a b\"\nset -euo pipefail\n"),
                    "\(script)")
        }
    }

    @Test func invalidOptionsFailValidation() {
        let o = SlurmOptions(gridPath: "/g.yaml", benchExecutable: "/b", tasks: 2, resultsDirectory: "/r",
                             workingDirectory: "/", extraOptions: ["--mem=1G", "--comment=x\ntouch pwned"])
        #expect(throws: ClusterError.self) { try o.validate() }
    }

    /// The script with every hostile option still runs under bash exactly as
    /// without them: same arguments to bench, nothing from the options executed.
    @Test func bashIgnoresHostileOptions() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let record = tmp.file("args")
        let bench = tmp.file("bench")
        let stub = "#!/bin/bash\nprintf '%s\\n' \"$@\" > '\(record)'\n"
        try stub.write(toFile: bench, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bench)
        let o = SlurmOptions(gridPath: "/g.yaml", benchExecutable: bench, tasks: 2, resultsDirectory: "/r",
                             workingDirectory: tmp.path, extraOptions: Self.hostile)
        let script = tmp.file("job.sh")
        try SlurmScript.render(options: o).write(toFile: script, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [script]
        p.currentDirectoryURL = tmp.url
        var env = ProcessInfo.processInfo.environment
        env["SLURM_ARRAY_TASK_ID"] = "1"
        p.environment = env
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(tmp.read("args") == "run\n/g.yaml\n--shard\n1/2\n--results\n/r\n--threads\n1\n--no-report\n--quiet\n")
        for name in ["pwned", "pwned2", "pwned3"] { #expect(!FileManager.default.fileExists(atPath: tmp.file(name))) }
    }
}
