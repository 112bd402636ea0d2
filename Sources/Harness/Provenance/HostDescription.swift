import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine a run trains on, as recorded in run files: host name, CPU model
/// and operating system. Each is read once per process; "unknown" stands for
/// what the system does not say.
public enum HostDescription {
    /// The host name (`gethostname`), which never blocks on DNS unlike
    /// `ProcessInfo.hostName`.
    public static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name
    }()

    /// The CPU model: the first `model name` of /proc/cpuinfo (Linux on x86-64).
    public static let cpuModel: String = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        return cpuModel(fromCPUInfo: text) ?? "unknown"
    }()

    /// The operating system: the distribution's `PRETTY_NAME` from
    /// /etc/os-release when there is one, then kernel name, release and machine.
    public static let operatingSystem: String = {
        var parts: [String] = []
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let pretty = prettyName(fromOSRelease: text) {
            parts.append(pretty)
        }
        var u = utsname()
        if uname(&u) == 0 {
            parts.append([field(&u.sysname), field(&u.release), field(&u.machine)].joined(separator: " "))
        }
        return parts.isEmpty ? "unknown" : parts.joined(separator: ", ")
    }()

    /// The value of the first `model name` line of a /proc/cpuinfo text.
    static func cpuModel(fromCPUInfo text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// `PRETTY_NAME` of an os-release text, without its quotes.
    static func prettyName(fromOSRelease text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            let value = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// A NUL-terminated `utsname` field as a string.
    private static func field<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
