import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine a baseline was stored on: kernel (from `uname(2)`), CPU model
/// (the `model name` line of `/proc/cpuinfo` where there is one), number of
/// cores and operating system (`PRETTY_NAME` of `/etc/os-release`, else
/// Foundation's version string).
///
/// Recorded for people reading a baseline; never part of a comparison.
public struct MachineDescription: Sendable, Equatable {
    /// Kernel name, e.g. `Linux`.
    public var system: String
    /// Kernel release, e.g. `6.1.0-18-amd64`.
    public var release: String
    /// Hardware architecture, e.g. `x86_64`.
    public var architecture: String
    /// CPU model name, or `unknown`.
    public var cpuModel: String
    /// Number of active processor cores.
    public var coreCount: Int
    /// Operating system name and version.
    public var operatingSystem: String

    /// A description from its parts (`current()` describes this machine).
    public init(system: String, release: String, architecture: String, cpuModel: String, coreCount: Int,
                operatingSystem: String) {
        self.system = system; self.release = release; self.architecture = architecture
        self.cpuModel = cpuModel; self.coreCount = coreCount; self.operatingSystem = operatingSystem
    }

    /// The description of the machine this process runs on.
    public static func current() -> MachineDescription {
        var names = utsname()
        _ = uname(&names)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return MachineDescription(system: text(names.sysname), release: text(names.release),
                                  architecture: text(names.machine), cpuModel: cpuModelName() ?? "unknown",
                                  coreCount: ProcessInfo.processInfo.activeProcessorCount,
                                  operatingSystem: osName() ?? ProcessInfo.processInfo.operatingSystemVersionString)
    }

    /// One line for a report header.
    public var summary: String {
        "\(cpuModel), \(coreCount) cores, \(operatingSystem), \(system) \(release) \(architecture)"
    }

    private static func cpuModelName() -> String? {
        value(ofKey: "model name", separator: ":", inFile: "/proc/cpuinfo")
    }

    private static func osName() -> String? {
        value(ofKey: "PRETTY_NAME", separator: "=", inFile: "/etc/os-release")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// The value of the first `key <separator> value` line of a text file.
    private static func value(ofKey key: String, separator: Character, inFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let cut = line.firstIndex(of: separator) else { continue }
            if line[..<cut].trimmingCharacters(in: .whitespaces) == key {
                let value = line[line.index(after: cut)...].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
