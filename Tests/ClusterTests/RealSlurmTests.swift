import Foundation
import Testing
import TestSupport
@testable import Cluster

/// Against a real one-node Slurm cluster (scripts/slurm-local.sh, which needs
/// root and Debian's slurm-wlm and munge). Opt in with BENCH_SLURM_TESTS=1;
/// cancelled with the script's reason where the daemons cannot start.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["BENCH_SLURM_TESTS"] != nil,
                             "set BENCH_SLURM_TESTS=1 to run against a local Slurm cluster"))
struct RealSlurmTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/slurm-local.sh").standardized.path

    /// Starts the cluster, runs `body`, and stops the cluster if this test started it.
    private func withCluster(_ body: () throws -> Void) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.script), "missing \(Self.script)")
        let (status, out) = shell(Self.script, ["start"])
        guard status == 0 else { try Test.cancel("a local Slurm cluster cannot be started here (slurm-local.sh exit \(status))") }
        let startedHere = out.split(separator: "\n").last == "started"
        defer { if startedHere { _ = shell(Self.script, ["stop"]) } }
        try body()
    }

    /// A 3-task array and its report job, with a stand-in bench that records
    /// its arguments, all under a folder whose name holds a space, both quote
    /// kinds, `#` and `%`, which sbatch's directive parser and Slurm's file
    /// name patterns treat specially.
    @Test func arrayAndReportJobRunEveryShard() throws {
        try withCluster {
            let tmp = TemporaryFolder("slurm")
            defer { tmp.remove() }
            let root = tmp.file("it's a \"real\" #1 50%")
            try FileManager.default.createDirectory(atPath: root + "/results", withIntermediateDirectories: true)
            let bench = root + "/bench"
            writeExecutable(bench, """
                #!/bin/bash
                set -eu
                if [ "$1" = run ]; then printf '%s\\n' "$PWD" "$@" > "$6/shard-$SLURM_ARRAY_TASK_ID"; fi
                if [ "$1" = report ]; then listing=$(ls "$2"); printf '%s\\n' "$listing" > "$2/report"; fi
                """)
            let options = SlurmOptions(gridPath: root + "/grid.yaml", benchExecutable: bench, tasks: 3,
                                       resultsDirectory: root + "/results", workingDirectory: root)
            let job = try SlurmArrayJob(options: options, reportAfter: true)
            let submitter = SlurmSubmitter()
            let submission = try job.submit(using: submitter)
            let states = try submitter.waitForCompletion(jobId: submission.jobId, timeout: 120, pollInterval: 0.5)
            let reportStates = try submitter.waitForCompletion(jobId: try #require(submission.reportJobId),
                                                               timeout: 120, pollInterval: 0.5)
            for i in 0..<3 {
                let log = options.logDirectory + "/bench-grid-\(submission.jobId)_\(i).out"
                let recorded = try #require(try? String(contentsOfFile: root + "/results/shard-\(i)", encoding: .utf8),
                                            "task \(i) wrote nothing; its log: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "missing")")
                #expect(recorded == [root, "run", root + "/grid.yaml", "--shard", "\(i)/3", "--results",
                                     root + "/results", "--threads", "1", "--no-report", "--quiet", ""].joined(separator: "\n"))
                #expect(FileManager.default.fileExists(atPath: log))
            }
            #expect(try String(contentsOfFile: root + "/results/report", encoding: .utf8)
                    == "shard-0\nshard-1\nshard-2\nslurm\n")
            #expect(FileManager.default.fileExists(
                atPath: options.logDirectory + "/bench-grid-report-\(submission.reportJobId!).out"))
            // Without accounting the controller still remembers recent jobs.
            if states.first?.isKnown == true {
                #expect(states.map(\.arrayIndex) == [0, 1, 2])
                #expect(states.map(\.succeeded) == [true, true, true])
                #expect(reportStates.map(\.succeeded) == [true])
            }
        }
    }

    @Test func unknownPartitionIsASubmissionError() throws {
        try withCluster {
            let tmp = TemporaryFolder("slurm")
            defer { tmp.remove() }
            var options = SlurmOptions(gridPath: "/g.yaml", benchExecutable: "/bin/true", tasks: 2,
                                       resultsDirectory: tmp.file("results"), workingDirectory: tmp.path)
            options.partition = "no-such-partition"
            let error = thrownError { _ = try SlurmArrayJob(options: options).submit(using: SlurmSubmitter()) }
            guard case .submissionFailed(let message)? = error else {
                Issue.record("expected a submission error, got \(String(describing: error))")
                return
            }
            #expect(message.contains("Invalid partition name"))
        }
    }
}
