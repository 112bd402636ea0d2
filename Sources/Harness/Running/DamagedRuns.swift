import Foundation
import Recording
import GridLanguage

/// Decides which cells of a resumed grid run still need running: a cell is
/// complete only when its run file is a regular file whose content matches its
/// digest (`VerifiedRunFile`). Anything else under a final name (truncated,
/// garbage, edited, a FIFO) is moved aside to `runs/.damaged/`, with a
/// message, and its cell runs again; moving keeps the evidence, and the
/// hidden folder keeps it out of every reader.
enum DamagedRuns {
    /// The folder inside `runs/` that damaged run files are moved to.
    static let folderName = ".damaged"

    /// The cells of `cells` without a trustworthy run file, in their order.
    /// Damaged files are moved away first; failing to move one throws, since
    /// running the cell would overwrite the evidence.
    static func pending(_ cells: [Cell], runFile: (Cell) -> URL) throws -> [Cell] {
        var pending: [Cell] = []
        for cell in cells {
            let file = runFile(cell)
            var info = stat()
            // lstat, not fileExists: a dangling symbolic link is damage too.
            guard lstat(file.path, &info) == 0 else {
                pending.append(cell)
                continue
            }
            do {
                _ = try VerifiedRunFile.read(file)
            } catch {
                if case .newerSchema = error {
                    // Moving it aside and rerunning would replace a newer bench's result with an older format.
                    throw HarnessError.input("\(error); run this grid with that bench, or into another results folder")
                }
                let moved = try moveAside(file)
                CommandSupport.warn("damaged run file \(error.reason): moved to \(moved.path); running cell \(cell.runId) again")
                pending.append(cell)
            }
        }
        return pending
    }

    /// Moves `file` into `runs/.damaged/`, under a fresh name if one is taken.
    private static func moveAside(_ file: URL) throws -> URL {
        let folder = file.deletingLastPathComponent().appendingPathComponent(folderName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw HarnessError.io(path: folder.path, reason: "cannot create the folder for damaged run files: \(error.localizedDescription)")
        }
        let stem = file.deletingPathExtension().lastPathComponent
        var target = folder.appendingPathComponent(file.lastPathComponent)
        var n = 1
        while entryExists(target) {
            target = folder.appendingPathComponent("\(stem)-\(n).h5")
            n += 1
        }
        // rename never opens the file, so a FIFO cannot block it.
        guard rename(file.path, target.path) == 0 else {
            throw HarnessError.io(path: file.path, reason: "cannot move the damaged run file to \(target.path): "
                                  + String(cString: strerror(errno)))
        }
        return target
    }

    /// True if anything, even a dangling symbolic link, is at `url`.
    private static func entryExists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }
}
