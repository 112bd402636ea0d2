import Foundation

/// Decompresses gzip files with the system's `gzip -dc`.
///
/// The package links no compression library, and every Debian or macOS machine
/// has `gzip`; a failed or truncated stream makes `gzip` exit non-zero, which
/// is reported with its message.
enum Gunzip {
    /// Candidate locations of the gzip program, tried in order.
    static let programs = ["/bin/gzip", "/usr/bin/gzip"]

    /// True when `bytes` start with the gzip magic number 1f 8b (RFC 1952, section 2.3.1).
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The most bytes a file may decompress to (1 GiB). A few megabytes of gzip
    /// can expand to terabytes; past this bound the stream is refused instead
    /// of exhausting memory.
    static let maxDecompressedBytes = 1 << 30

    /// The decompressed content of the gzip file at `url`; more than `limit`
    /// decompressed bytes stop `gzip` and throw.
    static func decompress(fileAt url: URL, limit: Int = maxDecompressedBytes) throws -> [UInt8] {
        guard let program = programs.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw DatasetError.unreadableFile(path: url.path,
                                              reason: "gzip compressed, but no gzip program at \(programs.joined(separator: " or "))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-dc", "--", url.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DatasetError.unreadableFile(path: url.path, reason: "cannot start \(program): \(error)")
        }
        // Drain stdout before waiting, or a full pipe would block gzip forever;
        // read in chunks so a bomb is stopped at the bound, not at the end.
        var data = Data()
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > limit {
                // SIGKILL and closing our end: gzip blocked in a write cannot
                // linger, whatever it does with SIGTERM.
                kill(process.processIdentifier, SIGKILL)
                try? reader.close()
                process.waitUntilExit()
                throw DatasetError.unreadableFile(
                    path: url.path, reason: "decompresses to more than \(limit) bytes (a gzip bomb or a file too large to load)")
            }
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DatasetError.unreadableFile(
                path: url.path,
                reason: "gzip decompression failed (status \(process.terminationStatus))" + (text.isEmpty ? "" : ": \(text)"))
        }
        return [UInt8](data)
    }
}
