/// When and where a baseline was stored (the folder's `meta.json`).
///
/// Kept apart from `baseline.json` because it changes every time a baseline
/// is stored: storing unchanged results again leaves `baseline.json`
/// byte-identical (no diff under version control), and checks never look at
/// this file.
public struct BaselineMeta: Sendable, Equatable {
    /// When the baseline was stored, ISO 8601 in UTC (e.g. `2025-03-01T12:00:00Z`).
    public var createdAt: String
    /// The machine the baseline was stored on.
    public var machine: MachineDescription

    /// Metadata from its parts.
    public init(createdAt: String, machine: MachineDescription) {
        self.createdAt = createdAt; self.machine = machine
    }
}
