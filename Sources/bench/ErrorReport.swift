import ArgumentParser
import Foundation

/// The one place the tool prints a fatal error: `bench: error: MESSAGE` on
/// standard error, once, whatever produced it.
enum ErrorReport {
    /// Prints `message` with the tool's single prefix.
    static func print(_ message: String) {
        FileHandle.standardError.write(Data("bench: error: \(message)\n".utf8))
    }

    /// ArgumentParser's message for a parse error without its own `Error: `
    /// prefix, which would otherwise follow ours (`bench: error: Error: ...`).
    static func parserMessage(_ fullMessage: String) -> String {
        fullMessage.hasPrefix("Error: ") ? String(fullMessage.dropFirst("Error: ".count)) : fullMessage
    }
}
