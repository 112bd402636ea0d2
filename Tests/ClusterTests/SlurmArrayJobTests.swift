import Foundation
import Testing
import TestSupport
@testable import Cluster

@Suite struct SlurmArrayJobTests {
    private func options(in tmp: TemporaryFolder) -> SlurmOptions {
        SlurmOptions(gridPath: "/exp/quick.yaml", benchExecutable: "/opt/bench", tasks: 3,
                     resultsDirectory: tmp.file("results"), workingDirectory: "/exp")
    }

    @Test func defaultScriptPathsLiveInTheLogFolder() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let job = try SlurmArrayJob(options: options(in: tmp), reportAfter: true)
        #expect(job.scriptPath == tmp.file("results/slurm/bench-quick.sbatch"))
        #expect(job.reportScriptPath == tmp.file("results/slurm/bench-quick-report.sbatch"))
        #expect(try SlurmArrayJob(options: options(in: tmp)).reportScriptPath == nil)
        #expect(try SlurmArrayJob(options: options(in: tmp)).reportScript == nil)
    }

    @Test func invalidOptionsAreRejectedUpFront() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        var o = options(in: tmp)
        o.tasks = 0
        #expect(thrownError { _ = try SlurmArrayJob(options: o) } == .invalidOption("--tasks must be at least 1, got 0"))
    }

    @Test func submitWritesBothScriptsAndChainsTheReport() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let bin = tmp.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let calls = tmp.file("calls")
        writeExecutable(bin + "/sbatch", """
            #!/bin/sh
            echo "$*" >> '\(calls)'
            case "$*" in *dependency*) echo 101 ;; *) echo 100 ;; esac
            """)
        let job = try SlurmArrayJob(options: options(in: tmp), reportAfter: true)
        let submission = try job.submit(using: SlurmSubmitter(environment: ["PATH": bin]))
        #expect(submission == SlurmSubmission(jobId: "100", reportJobId: "101"))
        #expect(tmp.read("calls") == "--parsable \(job.scriptPath)\n--parsable --dependency=afterok:100 \(job.reportScriptPath!)\n")
        #expect(try String(contentsOfFile: job.scriptPath, encoding: .utf8) == job.script)
        #expect(try String(contentsOfFile: job.reportScriptPath!, encoding: .utf8) == job.reportScript)
        let listing = try FileManager.default.contentsOfDirectory(atPath: tmp.file("results/slurm")).sorted()
        #expect(listing == ["bench-quick-report.sbatch", "bench-quick.sbatch"])
    }

    @Test func missingSbatchWritesNothing() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let e = thrownError { _ = try SlurmArrayJob(options: options(in: tmp), reportAfter: true)
            .submit(using: SlurmSubmitter(environment: ["PATH": tmp.file("none")])) }
        #expect(e == .missingTool("sbatch", package: "slurm-wlm"))
        #expect(!FileManager.default.fileExists(atPath: tmp.file("results")))
    }

    @Test func refusedReportJobCancelsTheArray() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", """
            case "$*" in *dependency*) echo 'sbatch: error: Job dependency problem' >&2; exit 1 ;; *) echo 55 ;; esac
            """)
        tmp.tool("scancel", "echo \"$*\" > '\(tmp.file("cancelled"))'")
        var o = options(in: tmp)
        o.logDirectory = tmp.file("logs")
        let e = thrownError { _ = try SlurmArrayJob(options: o, reportAfter: true)
            .submit(using: SlurmSubmitter(environment: ["PATH": tmp.path])) }
        #expect(e == .submissionFailed("report job: Slurm rejected the job: sbatch: error: Job dependency problem; array job 55 was cancelled"))
        #expect(tmp.read("cancelled") == "55\n")
    }

    @Test func refusedArrayJobLeavesCompleteScriptsOnly() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", "echo 'sbatch: error: invalid partition' >&2; exit 1")
        var o = options(in: tmp)
        o.logDirectory = tmp.file("logs")
        let job = try SlurmArrayJob(options: o)
        let e = thrownError { _ = try job.submit(using: SlurmSubmitter(environment: ["PATH": tmp.path])) }
        #expect(e == .submissionFailed("sbatch: error: invalid partition"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.file("logs")) == ["bench-quick.sbatch"])
        #expect(try String(contentsOfFile: job.scriptPath, encoding: .utf8) == job.script)
    }
}
