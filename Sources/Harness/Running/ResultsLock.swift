import Foundation
import Recording

/// An exclusive lock on a results folder (`<dir>/.lock`, `flock`), so two
/// `bench run` processes never write the same results at once. The kernel drops
/// the lock when the process dies, so a killed run never leaves a stale lock.
///
/// Shards of one grid (`--shard I/N`, e.g. the tasks of a job array) hold only
/// the lock of their own share (`.lock-shard-I-of-N`): their cells are disjoint
/// and every run file is written atomically, so they may run at the same time.
public final class ResultsLock {
    private let fd: Int32
    public let path: String

    /// Takes the lock or throws `HarnessError.locked` naming the folder.
    public init(directory: URL, shard: Shard? = nil) throws {
        path = ResultsLayout(directory: directory).lockFile(shard: shard.map { ($0.index, $0.count) }).path
        fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        if fd < 0 {
            throw HarnessError.io(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw HarnessError.locked(directory: directory.path)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
