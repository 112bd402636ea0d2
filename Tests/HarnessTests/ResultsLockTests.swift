import Foundation
import Testing
@testable import GridLanguage
@testable import Harness

/// A full run and shard runs on one results folder exclude each other;
/// distinct shards do not. (`flock` locks belong to open file descriptions, so
/// two locks taken in one process conflict just as two processes would.)
@Suite struct ResultsLockTests {
    private func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func isLocked(_ body: () throws -> ResultsLock) -> Bool {
        do { _ = try body(); return false } catch HarnessError.locked { return true } catch { return false }
    }

    @Test func fullRunExcludesShards() throws {
        let dir = try folder()
        let full = try ResultsLock(directory: dir)
        #expect(isLocked { try ResultsLock(directory: dir, shard: Shard(index: 0, count: 2)) })
        #expect(isLocked { try ResultsLock(directory: dir) })
        withExtendedLifetime(full) {}
    }

    @Test func shardExcludesFullRunButNotOtherShards() throws {
        let dir = try folder()
        let first = try ResultsLock(directory: dir, shard: Shard(index: 0, count: 2))
        #expect(isLocked { try ResultsLock(directory: dir) })
        #expect(isLocked { try ResultsLock(directory: dir, shard: Shard(index: 0, count: 2)) })
        let second = try ResultsLock(directory: dir, shard: Shard(index: 1, count: 2))
        withExtendedLifetime((first, second)) {}
    }

    @Test func locksAreReleasedWithTheirHolder() throws {
        let dir = try folder()
        do { _ = try ResultsLock(directory: dir, shard: Shard(index: 0, count: 2)) }
        _ = try ResultsLock(directory: dir)
        _ = try ResultsLock(directory: dir, shard: Shard(index: 0, count: 2))
    }

    @Test func temporaryNamesCarryTheirWriterPid() {
        #expect(StaleTemporaries.ownerPid(".abc.h5.tmp-1234-7f3a") == 1234)
        #expect(StaleTemporaries.ownerPid(".abc.h5.tmp-x") == nil)
        #expect(StaleTemporaries.ownerPid("abc.h5") == nil)
        #expect(StaleTemporaries.isAlive(getpid()))
    }
}
