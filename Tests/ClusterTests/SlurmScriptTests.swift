import Foundation
import Testing
import TestSupport
@testable import Cluster

@Suite struct SlurmScriptTests {
    @Test func arrayScriptWithEveryOption() {
        var o = sampleOptions(tasks: 4)
        o.partition = "gpu"
        o.time = "02:30:00"
        o.cpusPerTask = 8
        o.threadsPerRun = 4
        let expected = """
            #!/bin/bash
            #SBATCH --job-name=bench-quick
            #SBATCH --array=0-3
            #SBATCH --output="/scratch/ana/results/quick/slurm/%x-%A_%a.out"
            #SBATCH --partition=gpu
            #SBATCH --time=02:30:00
            #SBATCH --cpus-per-task=8
            set -euo pipefail
            : "${SLURM_ARRAY_TASK_ID:?submit this script with sbatch}"
            cd '/home/ana/exp'
            exec '/opt/bench/bin/bench' run '/home/ana/exp/quick.yaml' --shard "${SLURM_ARRAY_TASK_ID}/4" --results '/scratch/ana/results/quick' --threads 4 --no-report --quiet

            """
        #expect(SlurmScript.render(options: o) == expected)
    }

    @Test func arrayScriptWithDefaults() {
        let o = SlurmOptions(gridPath: "/g.yaml", benchExecutable: "/b", tasks: 1, resultsDirectory: "/r",
                             workingDirectory: "/", cpusPerTask: 2)
        let expected = """
            #!/bin/bash
            #SBATCH --job-name=bench-g
            #SBATCH --array=0-0
            #SBATCH --output="/r/slurm/%x-%A_%a.out"
            #SBATCH --cpus-per-task=2
            set -euo pipefail
            : "${SLURM_ARRAY_TASK_ID:?submit this script with sbatch}"
            cd '/'
            exec '/b' run '/g.yaml' --shard "${SLURM_ARRAY_TASK_ID}/1" --results '/r' --threads 2 --no-report --quiet

            """
        #expect(SlurmScript.render(options: o) == expected)
    }

    @Test func reportScript() {
        var o = sampleOptions()
        o.partition = "short"
        o.time = "0-00:10:00"
        o.cpusPerTask = 8
        o.reportDirectory = "/home/ana/reports/quick"
        let expected = """
            #!/bin/bash
            #SBATCH --job-name=bench-quick-report
            #SBATCH --output="/scratch/ana/results/quick/slurm/%x-%j.out"
            #SBATCH --partition=short
            #SBATCH --time=0-00:10:00
            #SBATCH --cpus-per-task=1
            set -euo pipefail
            cd '/home/ana/exp'
            exec '/opt/bench/bin/bench' report '/scratch/ana/results/quick' --out '/home/ana/reports/quick'

            """
        #expect(SlurmScript.renderReport(options: o) == expected)
        o.reportDirectory = nil
        #expect(SlurmScript.renderReport(options: o).hasSuffix("exec '/opt/bench/bin/bench' report '/scratch/ana/results/quick'\n"))
    }

    @Test func hostilePathsAreQuoted() {
        let o = SlurmOptions(gridPath: "/g/it's a \"grid\".yaml", benchExecutable: "/opt/my bench/bench",
                             tasks: 2, resultsDirectory: "/r/$(touch x)/`id`", workingDirectory: "/w/o'neil's",
                             logDirectory: "/l/50% \"logs\"")
        let script = SlurmScript.render(options: o)
        #expect(script.contains("#SBATCH --job-name=bench-it-s-a--grid-\n"))
        #expect(script.contains("#SBATCH --output=\"/l/50%% \\\"logs\\\"/%x-%A_%a.out\"\n"))
        #expect(script.contains("cd '/w/o'\\''neil'\\''s'\n"))
        #expect(script.contains("exec '/opt/my bench/bench' run '/g/it'\\''s a \"grid\".yaml' --shard \"${SLURM_ARRAY_TASK_ID}/2\" --results '/r/$(touch x)/`id`' "))
    }

    /// Runs the rendered script under bash, as Slurm would for task 1, with a
    /// stand-in bench that records its working folder and arguments: hostile
    /// paths must arrive intact and nothing in them may run.
    @Test func bashRunsTheScriptWithExactArguments() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let odd = tmp.file("it's a \"dir\" $(touch pwned) `touch pwned2`")
        try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: true)
        let record = tmp.file("args")
        let bench = odd + "/bench"
        writeExecutable(bench, """
            #!/bin/bash
            pwd > '\(record)'
            printf '%s\\n' "$@" >> '\(record)'
            """)
        let o = SlurmOptions(gridPath: odd + "/grid 1.yaml", benchExecutable: bench, tasks: 3,
                             resultsDirectory: odd + "/results", workingDirectory: odd, threadsPerRun: 2)
        let script = tmp.file("job.sh")
        try SlurmScript.render(options: o).write(toFile: script, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["SLURM_ARRAY_TASK_ID"] = "1"
        let (status, _) = shell("/bin/bash", [script], environment: env)
        #expect(status == 0)
        let lines = (tmp.read("args") ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [odd, "run", odd + "/grid 1.yaml", "--shard", "1/3", "--results", odd + "/results",
                          "--threads", "2", "--no-report", "--quiet", ""])
        #expect(!FileManager.default.fileExists(atPath: odd + "/pwned"))
        #expect(!FileManager.default.fileExists(atPath: odd + "/pwned2"))
    }

    @Test func scriptRefusesToRunOutsideSlurm() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let o = SlurmOptions(gridPath: "/g.yaml", benchExecutable: "/bin/true", tasks: 2, resultsDirectory: "/r",
                             workingDirectory: tmp.path)
        let script = tmp.file("job.sh")
        try SlurmScript.render(options: o).write(toFile: script, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["SLURM_ARRAY_TASK_ID"] = nil
        let (status, _) = shell("/bin/bash", [script], environment: env)
        #expect(status != 0)
    }
}
