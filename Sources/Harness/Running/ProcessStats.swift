import Foundation
import GridLanguage

/// Process resource figures read from the operating system.
enum ProcessStats {
    /// Peak resident set size of this process in bytes (`VmHWM` of
    /// /proc/self/status on Linux; 0 where unavailable).
    static func peakResidentBytes() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int64($0) }
            if let kb = digits.first { return kb * 1024 }
        }
        return 0
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
