import Foundation
import GridLanguage

/// Removes temporary run files whose writer is gone.
///
/// Writers name unfinished files `.<name>.tmp-<pid>-<token>` (`AtomicFile` in
/// Recording). A file whose pid is still alive may belong to a shard writing
/// the same folder, so only files of dead processes are removed; names
/// without a readable pid are left alone.
enum StaleTemporaries {
    /// The marker between a final name and the writer's pid.
    static let marker = ".tmp-"

    /// Removes the temporary files in `runsDir` whose writer process no longer exists.
    static func remove(in runsDir: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsDir.path)) ?? []
        for name in names where name.hasPrefix(".") {
            guard let pid = ownerPid(name), !isAlive(pid) else { continue }
            try? FileManager.default.removeItem(at: runsDir.appendingPathComponent(name))
        }
    }

    /// The writer's pid in a temporary name, or nil if `name` is not one.
    static func ownerPid(_ name: String) -> pid_t? {
        guard let range = name.range(of: marker, options: .backwards) else { return nil }
        let digits = name[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// True unless the kernel says no process has this pid (EPERM means one exists).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
