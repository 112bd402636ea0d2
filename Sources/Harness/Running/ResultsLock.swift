import Foundation
import Recording
import GridLanguage

/// Locks on a results folder (`flock`), so two `bench run` processes never
/// write the same results at once. The kernel drops a lock when its process
/// dies, so a killed run never leaves a stale lock.
///
/// A full run holds `<dir>/.lock` exclusively. Shards of one grid (`--shard
/// I/N`, e.g. the tasks of a job array) hold `.lock` shared, so they exclude
/// a full run but not each other, and hold their own share's
/// `.lock-shard-I-of-N` exclusively: their cells are disjoint and every run
/// file is written atomically, so they may run at the same time.
public final class ResultsLock {
    private let folderLock: Int32
    private let shardLock: Int32?
    /// The lock file that names this holder: `.lock`, or the shard's own lock file.
    public let path: String

    /// Takes the locks or throws `HarnessError.locked` naming the folder.
    public init(directory: URL, shard: Shard? = nil) throws {
        let layout = ResultsLayout(directory: directory)
        let folderPath = layout.lockFile().path
        folderLock = try Self.take(folderPath, shared: shard != nil, directory: directory)
        guard let shard else {
            shardLock = nil
            path = folderPath
            return
        }
        path = layout.lockFile(shard: (shard.index, shard.count)).path
        do { shardLock = try Self.take(path, shared: false, directory: directory) } catch {
            Self.release(folderLock)
            throw error
        }
    }

    deinit {
        if let shardLock { Self.release(shardLock) }
        Self.release(folderLock)
    }

    /// Opens `path` and locks it without waiting; the descriptor on success.
    private static func take(_ path: String, shared: Bool, directory: URL) throws -> Int32 {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        if fd < 0 {
            throw HarnessError.io(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            close(fd)
            throw HarnessError.locked(directory: directory.path)
        }
        return fd
    }

    private static func release(_ fd: Int32) {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
