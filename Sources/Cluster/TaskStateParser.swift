import Foundation

/// Reads task states from the two places Slurm reports them after a job ends.
public enum TaskStateParser {
    /// Rows of `sacct -n -P -j ID --format=JobID,State,ExitCode`
    /// (`12_0|COMPLETED|0:0`). Step rows (`12_0.batch`, `12_0.extern`) repeat
    /// their task and are skipped; a state with a suffix (`CANCELLED by 0`)
    /// keeps its first word. Result sorted by array index.
    public static func parseSacct(_ text: String) -> [TaskState] {
        var states: [TaskState] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count >= 3, !fields[0].isEmpty, !fields[0].contains(".") else { continue }
            let (code, signal) = exitPair(fields[2])
            states.append(TaskState(jobId: fields[0], arrayIndex: arrayIndex(fields[0]),
                                    state: firstWord(fields[1]), exitCode: code, signal: signal))
        }
        return sorted(states)
    }

    /// Records of `scontrol show job -o ID`, one line per task of
    /// `Key=Value` words (`JobId=3 ArrayJobId=1 ArrayTaskId=1 ... JobState=COMPLETED ... ExitCode=0:0`).
    /// The first occurrence of each key counts; values of later keys (such as
    /// `Command=`) may hold spaces and are never read.
    public static func parseScontrol(_ text: String) -> [TaskState] {
        var states: [TaskState] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var fields: [String: String] = [:]
            for word in line.split(separator: " ") {
                guard let eq = word.firstIndex(of: "=") else { continue }
                let key = String(word[..<eq])
                if fields[key] == nil { fields[key] = String(word[word.index(after: eq)...]) }
            }
            guard let jobId = fields["JobId"], let state = fields["JobState"] else { continue }
            var id = jobId
            var index: Int?
            if let array = fields["ArrayJobId"], let task = fields["ArrayTaskId"], let i = Int(task) {
                id = "\(array)_\(task)"
                index = i
            }
            let (code, signal) = exitPair(fields["ExitCode"] ?? "")
            states.append(TaskState(jobId: id, arrayIndex: index, state: state, exitCode: code, signal: signal))
        }
        return sorted(states)
    }

    private static func arrayIndex(_ jobId: String) -> Int? {
        guard let underscore = jobId.firstIndex(of: "_") else { return nil }
        return Int(jobId[jobId.index(after: underscore)...])
    }

    private static func firstWord(_ text: String) -> String {
        text.split(separator: " ").first.map(String.init) ?? "UNKNOWN"
    }

    /// `code:signal` as two integers.
    private static func exitPair(_ text: String) -> (Int?, Int?) {
        let parts = text.split(separator: ":")
        guard parts.count == 2 else { return (nil, nil) }
        return (Int(parts[0]), Int(parts[1]))
    }

    private static func sorted(_ states: [TaskState]) -> [TaskState] {
        states.sorted { ($0.arrayIndex ?? -1, $0.jobId) < ($1.arrayIndex ?? -1, $1.jobId) }
    }
}
