import Foundation

/// The most memory one cell may be estimated to need: by default 80% of the
/// machine's physical memory, or what `--max-memory` says.
public struct MemoryLimit: Sendable, Equatable, CustomStringConvertible {
    public let bytes: Double
    /// How the limit was chosen, for messages ("80% of physical memory").
    public let origin: String

    /// A limit of `bytes`, explained by `origin`.
    public init(bytes: Double, origin: String) {
        self.bytes = bytes; self.origin = origin
    }

    /// 80% of physical memory: room for the system and the other processes.
    public static var `default`: MemoryLimit {
        MemoryLimit(bytes: 0.8 * Double(ProcessInfo.processInfo.physicalMemory), origin: "80% of physical memory")
    }

    /// Parses `--max-memory`: a number of bytes with an optional binary suffix
    /// (`K`, `M`, `G`, `T`, with or without `B`/`iB`), or a percentage of
    /// physical memory (`50%`).
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if t.hasSuffix("%"), let p = Double(t.dropLast()), p > 0, p <= 100 {
            self.init(bytes: p / 100 * Double(ProcessInfo.processInfo.physicalMemory),
                      origin: "\(text) of physical memory (--max-memory)")
            return
        }
        let units: [(String, Double)] = [("TIB", 0x1p40), ("GIB", 0x1p30), ("MIB", 0x1p20), ("KIB", 0x1p10),
                                         ("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10),
                                         ("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10), ("B", 1)]
        var number = Substring(t), scale = 1.0
        if let unit = units.first(where: { t.hasSuffix($0.0) }) {
            number = t.dropLast(unit.0.count); scale = unit.1
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0 else {
            throw HarnessError.input("--max-memory must be a size such as 4G, 512M or 50%, got '\(text)'")
        }
        self.init(bytes: value * scale, origin: "--max-memory \(text)")
    }

    public var description: String { "\(MemoryLimit.format(bytes)) (\(origin))" }

    /// `bytes` in binary units with three significant digits ("1.5 GiB").
    public static func format(_ bytes: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes, i = 0
        while value >= 1024 && i < units.count - 1 { value /= 1024; i += 1 }
        if i == 0 { return "\(Int(value)) bytes" }
        return String(format: value >= 100 ? "%.0f %@" : value >= 10 ? "%.1f %@" : "%.2f %@", value, units[i])
    }
}
