import Support
/// The registered components of one grid axis, in documentation order.
public struct ComponentCatalog: Sendable {
    public let axis: GridAxis
    public let entries: [ComponentEntry]

    /// A catalog of `entries` for `axis`; ids must be unique.
    public init(axis: GridAxis, entries: [ComponentEntry]) {
        precondition(Set(entries.map(\.id)).count == entries.count, "duplicate id in the \(axis) catalog")
        self.axis = axis
        self.entries = entries
    }

    /// All ids, in catalog order.
    public var ids: [String] { entries.map(\.id) }

    /// The entry named `id`, if registered.
    public func entry(_ id: String) -> ComponentEntry? {
        entries.first { $0.id == id }
    }

    /// A reference listing: one line per component with its parameters,
    /// defaults and doc, for `--help` texts and the README.
    public var reference: String {
        var lines: [String] = []
        for entry in entries {
            lines.append("\(entry.id): \(entry.doc)")
            for p in entry.params {
                let def: String
                switch p.defaultValue {
                case let .value(v): def = "default \(v)"
                case .required: def = "required"
                case .absent: def = "optional"
                }
                lines.append("  \(p.name) (\(p.type.summary); \(def)): \(p.doc)")
            }
            for rule in entry.rules { lines.append("  rule: \(rule.doc)") }
        }
        return lines.joined(separator: "\n")
    }
}
