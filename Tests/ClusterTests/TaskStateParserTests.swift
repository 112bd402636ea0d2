import Testing
@testable import Cluster

/// Samples follow the output of Slurm 22.05 as printed on a one-node cluster
/// (scontrol) and the documented `sacct --parsable2` layout.
@Suite struct TaskStateParserTests {
    @Test func sacctRowsSkipStepsAndSortByIndex() {
        let text = """
            12_2|FAILED|1:0
            12_2.batch|FAILED|1:0
            12_0|COMPLETED|0:0
            12_0.batch|COMPLETED|0:0
            12_0.extern|COMPLETED|0:0
            12_1|CANCELLED by 0|0:15

            """
        let states = TaskStateParser.parseSacct(text)
        #expect(states == [
            TaskState(jobId: "12_0", arrayIndex: 0, state: "COMPLETED", exitCode: 0, signal: 0),
            TaskState(jobId: "12_1", arrayIndex: 1, state: "CANCELLED", exitCode: 0, signal: 15),
            TaskState(jobId: "12_2", arrayIndex: 2, state: "FAILED", exitCode: 1, signal: 0),
        ])
        #expect(states.map(\.succeeded) == [true, false, false])
        #expect(TaskStateParser.parseSacct("") == [])
        #expect(TaskStateParser.parseSacct("40|COMPLETED|0:0\n") == [TaskState(jobId: "40", arrayIndex: nil, state: "COMPLETED", exitCode: 0, signal: 0)])
    }

    @Test func scontrolRecords() {
        let text = """
            JobId=9 ArrayJobId=7 ArrayTaskId=2 JobName=t UserId=root(0) JobState=COMPLETED Reason=None Dependency=(null) ExitCode=0:0 RunTime=00:00:00 Command=/tmp/a b/job.sh JobState=FAILED
            JobId=8 ArrayJobId=7 ArrayTaskId=1 JobName=t UserId=root(0) JobState=FAILED Reason=NonZeroExitCode ExitCode=3:0 Command=/tmp/job.sh
            JobId=7 ArrayJobId=7 ArrayTaskId=0 JobName=t UserId=root(0) JobState=COMPLETED Reason=None ExitCode=0:0 Command=/tmp/job.sh
            """
        #expect(TaskStateParser.parseScontrol(text) == [
            TaskState(jobId: "7_0", arrayIndex: 0, state: "COMPLETED", exitCode: 0, signal: 0),
            TaskState(jobId: "7_1", arrayIndex: 1, state: "FAILED", exitCode: 3, signal: 0),
            TaskState(jobId: "7_2", arrayIndex: 2, state: "COMPLETED", exitCode: 0, signal: 0),
        ])
        #expect(TaskStateParser.parseScontrol("JobId=5 JobName=r JobState=COMPLETED ExitCode=0:0")
                == [TaskState(jobId: "5", arrayIndex: nil, state: "COMPLETED", exitCode: 0, signal: 0)])
        #expect(TaskStateParser.parseScontrol("slurm_load_jobs error: Invalid job id specified") == [])
    }

    @Test func unknownState() {
        let u = TaskState.unknown(jobId: "3")
        #expect(!u.isKnown && !u.succeeded && u.arrayIndex == nil)
    }
}
