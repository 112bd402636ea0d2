import Testing
@testable import Cluster

@Suite struct SlurmOptionsTests {
    @Test func defaults() {
        let o = SlurmOptions(gridPath: "/exp/Paper Grid.v2.yaml", benchExecutable: "/b", tasks: 2,
                             resultsDirectory: "/res/", workingDirectory: "/exp", cpusPerTask: 6)
        #expect(o.jobName == "bench-Paper-Grid.v2")
        #expect(o.logDirectory == "/res/slurm")
        #expect(o.threadsPerRun == 6)
        #expect(o.partition == nil && o.time == nil && o.reportDirectory == nil)
        #expect(thrownError { try o.validate() } == nil)
    }

    @Test func sanitizedJobNames() {
        #expect(SlurmOptions.sanitizedJobName("ok_name-1.2") == "ok_name-1.2")
        #expect(SlurmOptions.sanitizedJobName("a b/c;d") == "a-b-c-d")
        #expect(SlurmOptions.sanitizedJobName("grüße") == "gr--e")
        #expect(SlurmOptions.sanitizedJobName("") == "bench")
        #expect(SlurmOptions.sanitizedJobName("%%%") == "bench")
    }

    @Test(arguments: [0, -1])
    func tasksBelowOneAreRejected(_ n: Int) {
        let e = thrownError { try sampleOptions(tasks: n).validate() }
        #expect(e == .invalidOption("--tasks must be at least 1, got \(n)"))
    }

    @Test func cpusAndThreadsBelowOneAreRejected() {
        var o = sampleOptions()
        o.cpusPerTask = 0
        #expect(thrownError { try o.validate() } == .invalidOption("--cpus-per-task must be at least 1, got 0"))
        o = sampleOptions()
        o.threadsPerRun = 0
        #expect(thrownError { try o.validate() } == .invalidOption("threads per run must be at least 1, got 0"))
    }

    @Test(arguments: ["1:00", "60", "00:60:00", "00:00:60", "1-24:00:00", "00:00:00", "0-00:00:00", "1-1:00:00",
                      "-01:00:00", "a-01:00:00", "01:00:00 ", " 01:00:00", "", "01:0:00", "1:2:3:4", "01:00:00\n#SBATCH --x"])
    func badTimesAreRejected(_ time: String) {
        var o = sampleOptions()
        o.time = time
        guard case .invalidOption(let message)? = thrownError({ try o.validate() }) else {
            Issue.record("'\(time)' accepted")
            return
        }
        #expect(message.contains("HH:MM:SS or D-HH:MM:SS"))
    }

    @Test func goodTimesAreAccepted() {
        for time in ["00:00:01", "02:30:00", "100:00:00", "1-00:00:00", "7-23:59:59", "0-00:10:00"] {
            var o = sampleOptions()
            o.time = time
            #expect(thrownError { try o.validate() } == nil, "\(time)")
        }
    }

    /// Durations worked out by hand from the accepted forms.
    @Test func timeLimitSeconds() {
        #expect(SlurmTimeLimit.seconds("00:00:01") == 1)
        #expect(SlurmTimeLimit.seconds("02:30:00") == 9000)
        #expect(SlurmTimeLimit.seconds("100:00:00") == 360_000)
        #expect(SlurmTimeLimit.seconds("1-12:00:00") == 129_600)
        #expect(SlurmTimeLimit.seconds("7-23:59:59") == 691_199)
        #expect(SlurmTimeLimit.seconds("1:00") == nil)
    }

    @Test func partitionsAndJobNamesCannotInjectDirectives() {
        for bad in ["", "a b", "gpu\n#SBATCH --wrap=x", "p;q", "p\"q"] {
            var o = sampleOptions()
            o.partition = bad
            #expect(thrownError { try o.validate() } != nil, "partition '\(bad)'")
        }
        var o = sampleOptions()
        o.partition = "gpu,cpu"
        #expect(thrownError { try o.validate() } == nil)
        o.jobName = "my job"
        #expect(thrownError { try o.validate() }
                == .invalidOption("job name must use only letters, digits, '.', '_' and '-', got 'my job' (try 'my-job')"))
        o.jobName = ""
        #expect(thrownError { try o.validate() } != nil)
    }

    @Test func pathsMustBeAbsoluteAndSingleLine() {
        var o = sampleOptions()
        o.gridPath = "grid.yaml"
        #expect(thrownError { try o.validate() } == .invalidOption("grid path must be an absolute path, got 'grid.yaml'"))
        o = sampleOptions()
        o.benchExecutable = ".build/release/bench"
        #expect(thrownError { try o.validate() } == .invalidOption("bench executable must be an absolute path, got '.build/release/bench'"))
        o = sampleOptions()
        o.workingDirectory = "/a\nb"
        #expect(thrownError { try o.validate() } == .invalidOption("working folder must not contain line breaks or NUL characters: '/a\nb'"))
        o = sampleOptions()
        o.reportDirectory = "reports"
        #expect(thrownError { try o.validate() } == .invalidOption("report folder must be an absolute path, got 'reports'"))
        o = sampleOptions()
        o.logDirectory = "/logs\\x"
        #expect(thrownError { try o.validate() }
                == .invalidOption("log folder must not contain a backslash (Slurm writes no output for such paths): '/logs\\x'"))
        o = sampleOptions()
        o.resultsDirectory = "/r/back\\slash it's"
        #expect(thrownError { try o.validate() } == nil)
    }
}
