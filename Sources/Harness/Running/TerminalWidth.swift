import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The width of the terminal on standard error, so a line redrawn in place
/// never wraps (a wrapped line cannot be erased with one carriage return).
enum TerminalWidth {
    /// Columns of the terminal, or 80 when standard error is not one.
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
