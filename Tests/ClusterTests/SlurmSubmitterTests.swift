import Foundation
import Testing
import TestSupport
@testable import Cluster

/// Stand-in Slurm tools on a PATH the test controls.
@Suite struct SlurmSubmitterTests {
    @Test func submitReturnsTheJobIdAndPassesTheScript() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", "printf '%s\\n' \"$@\" > '\(tmp.file("args"))'\necho 12345")
        let id = try SlurmSubmitter(environment: ["PATH": tmp.path]).submit(scriptPath: "/jobs/a b.sbatch")
        #expect(id == "12345")
        #expect(tmp.read("args") == "--parsable\n/jobs/a b.sbatch\n")
    }

    @Test func clusterSuffixIsDropped() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", "echo '678;cluster1'")
        #expect(try SlurmSubmitter(environment: ["PATH": tmp.path]).submit(scriptPath: "/x") == "678")
    }

    @Test func dependentSubmissionAsksForAfterok() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", "printf '%s\\n' \"$@\" > '\(tmp.file("args"))'\necho 13")
        let submitter = SlurmSubmitter(environment: ["PATH": tmp.path])
        #expect(try submitter.submitDependent(scriptPath: "/r.sbatch", afterJob: "12") == "13")
        #expect(tmp.read("args") == "--parsable\n--dependency=afterok:12\n/r.sbatch\n")
        #expect(thrownError { _ = try submitter.submitDependent(scriptPath: "/r", afterJob: "12; rm") }
                == .invalidOption("not a Slurm job id: '12; rm'"))
    }

    @Test func slurmErrorBecomesSubmissionFailed() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", "echo 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2\nexit 1")
        let e = thrownError { _ = try SlurmSubmitter(environment: ["PATH": tmp.path]).submit(scriptPath: "/x") }
        #expect(e == .submissionFailed("sbatch: error: Batch job submission failed: Invalid partition name specified"))
        #expect(e?.description == "Slurm rejected the job: sbatch: error: Batch job submission failed: Invalid partition name specified")
    }

    @Test func silentFailureNamesTheExitStatus() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", "exit 7")
        let e = thrownError { _ = try SlurmSubmitter(environment: ["PATH": tmp.path]).submit(scriptPath: "/x") }
        #expect(e == .submissionFailed("sbatch exited with status 7"))
    }

    @Test func outputWithoutJobIdIsAFailure() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("sbatch", "echo 'Submitted batch job 5'")
        let e = thrownError { _ = try SlurmSubmitter(environment: ["PATH": tmp.path]).submit(scriptPath: "/x") }
        #expect(e == .submissionFailed("sbatch printed no job id (stdout: 'Submitted batch job 5')"))
    }

    @Test func missingSbatchNamesThePackage() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        // A non-executable file and a folder of the same name do not count.
        _ = FileManager.default.createFile(atPath: tmp.file("sbatch"), contents: Data("echo 1".utf8),
                                       attributes: [.posixPermissions: 0o644])
        try? FileManager.default.createDirectory(atPath: tmp.file("bin/sbatch"), withIntermediateDirectories: true)
        let submitter = SlurmSubmitter(environment: ["PATH": tmp.path + ":" + tmp.file("bin") + "::"])
        let e = thrownError { _ = try submitter.submit(scriptPath: "/x") }
        #expect(e == .missingTool("sbatch", package: "slurm-wlm"))
        #expect(e?.description.contains("slurm-wlm") == true)
        #expect(thrownError { _ = try SlurmSubmitter(environment: [:]).requireTool("sbatch") } == .missingTool("sbatch", package: "slurm-wlm"))
    }

    @Test func firstMatchOnPathWins() throws {
        let a = TemporaryFolder(), b = TemporaryFolder()
        defer { a.remove(); b.remove() }
        b.tool("sbatch", "echo 2")
        a.tool("sbatch", "echo 1")
        #expect(try SlurmSubmitter(environment: ["PATH": a.path + ":" + b.path]).submit(scriptPath: "/x") == "1")
    }

    /// squeue lists the job twice, then nothing; accounting is disabled (as on
    /// the one-node test cluster) so the states come from scontrol.
    @Test func waitPollsUntilTheQueueIsEmptyThenAsksTheController() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let count = tmp.file("polls")
        tmp.tool("squeue", """
            n=0; [ -f '\(count)' ] && read n < '\(count)'; n=$((n+1)); echo $n > '\(count)'
            [ "$*" = "-h -j 21 -o %i %T %r" ] || { echo "bad arguments: $*" >&2; exit 9; }
            if [ $n -le 2 ]; then echo '21_[0-2] PENDING None'; fi
            """)
        tmp.tool("sacct", "echo 'Slurm accounting storage is disabled' >&2\nexit 1")
        tmp.tool("scontrol", """
            echo 'JobId=21 ArrayJobId=21 ArrayTaskId=2 JobState=COMPLETED ExitCode=0:0'
            echo 'JobId=22 ArrayJobId=21 ArrayTaskId=0 JobState=COMPLETED ExitCode=0:0'
            echo 'JobId=23 ArrayJobId=21 ArrayTaskId=1 JobState=FAILED ExitCode=2:0'
            """)
        let states = try SlurmSubmitter(environment: ["PATH": tmp.path])
            .waitForCompletion(jobId: "21", timeout: 30, pollInterval: 0.01)
        #expect(tmp.read("polls") == "3\n")
        #expect(states.map(\.jobId) == ["21_0", "21_1", "21_2"])
        #expect(states.map(\.succeeded) == [true, false, true])
    }

    @Test func accountingIsPreferredWhenAvailable() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("squeue", "exit 0")
        tmp.tool("sacct", "echo '4_0|COMPLETED|0:0'\necho '4_0.batch|COMPLETED|0:0'")
        tmp.tool("scontrol", "exit 1")
        let states = try SlurmSubmitter(environment: ["PATH": tmp.path]).waitForCompletion(jobId: "4", timeout: 5)
        #expect(states == [TaskState(jobId: "4_0", arrayIndex: 0, state: "COMPLETED", exitCode: 0, signal: 0)])
    }

    /// A job the controller already forgot: squeue rejects the id, no
    /// accounting, scontrol knows nothing either.
    @Test func forgottenJobIsReportedUnknown() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("squeue", "echo 'slurm_load_jobs error: Invalid job id specified' >&2\nexit 1")
        tmp.tool("scontrol", "echo 'slurm_load_jobs error: Invalid job id specified' >&2\nexit 1")
        let states = try SlurmSubmitter(environment: ["PATH": tmp.path]).waitForCompletion(jobId: "8", timeout: 5)
        #expect(states == [.unknown(jobId: "8")])
    }

    @Test func waitGivesUp() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("squeue", "echo '9_0 RUNNING None'")
        let e = thrownError { _ = try SlurmSubmitter(environment: ["PATH": tmp.path])
            .waitForCompletion(jobId: "9", timeout: 0.2, pollInterval: 0.05) }
        #expect(e == .timedOut(jobId: "9", seconds: 0.2, lastError: nil))
        let missing = thrownError { _ = try SlurmSubmitter(environment: ["PATH": "/nonexistent"])
            .waitForCompletion(jobId: "9", timeout: 1) }
        #expect(missing == .missingTool("squeue", package: "slurm-wlm"))
    }

    @Test func failedDependencyIsReportedAtOnce() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("squeue", "echo '31 PENDING DependencyNeverSatisfied'")
        let e = thrownError { _ = try SlurmSubmitter(environment: ["PATH": tmp.path])
            .waitForCompletion(jobId: "31", timeout: 60, pollInterval: 0.05) }
        #expect(e == .neverStarts(jobId: "31", reason: "DependencyNeverSatisfied"))
        #expect(e?.description.contains("scancel 31") == true)
    }

    @Test func unreachableControllerIsNamedOnTimeout() {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        tmp.tool("squeue", "echo 'squeue: error: Unable to contact slurm controller (connect failure)' >&2\nexit 1")
        let e = thrownError { _ = try SlurmSubmitter(environment: ["PATH": tmp.path])
            .waitForCompletion(jobId: "9", timeout: 0.1, pollInterval: 0.05) }
        #expect(e == .timedOut(jobId: "9", seconds: 0.1,
                               lastError: "squeue: error: Unable to contact slurm controller (connect failure)"))
    }

    /// A child writing far more than a pipe buffer (64 KiB) to both streams
    /// must not deadlock the reader.
    @Test func largeOutputOnBothStreams() throws {
        let tmp = TemporaryFolder()
        defer { tmp.remove() }
        let tool = tmp.tool("noisy", "head -c 300000 /dev/zero | tr '\\0' e >&2\nhead -c 300000 /dev/zero | tr '\\0' o\nexit 3")
        let out = try ProcessRunner.run(tool, [], environment: ["PATH": "/usr/bin:/bin"])
        #expect(out.status == 3)
        #expect(out.stdout.count == 300_000 && out.stderr.count == 300_000)
        #expect(out.stdout.allSatisfy { $0 == "o" } && out.stderr.allSatisfy { $0 == "e" })
    }
}
