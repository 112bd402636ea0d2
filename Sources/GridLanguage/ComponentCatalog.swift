import Foundation
import Support
/// The declared components of one grid axis, in documentation order, as the
/// registries hand them to the grid parser.
public struct ComponentCatalog: Sendable {
    public let axis: GridAxis
    public let declarations: [ComponentDeclaration]

    /// A catalog of `declarations` for `axis`; ids must be unique.
    public init(axis: GridAxis, declarations: [ComponentDeclaration]) {
        precondition(Set(declarations.map(\.id)).count == declarations.count, "duplicate id in the \(axis) catalog")
        self.axis = axis
        self.declarations = declarations
    }

    /// All ids, in catalog order.
    public var ids: [String] { declarations.map(\.id) }

    /// The declaration named `id`, if registered.
    public func entry(_ id: String) -> ComponentDeclaration? {
        declarations.first { $0.id == id }
    }

    /// A reference listing: each component with its parameters, defaults and doc.
    public var reference: String {
        declarations.map(\.reference).joined(separator: "\n")
    }

    /// A Markdown table per component (parameter, type and range, default,
    /// meaning), as the README's parameter reference shows it.
    public var markdown: String {
        var out: [String] = []
        for d in declarations {
            var traits = d.traits.map(\.rawValue).sorted()
            if let family = d.family { traits.insert(family.rawValue, at: 0) }
            out.append("**`\(d.id)`**: \(d.doc)" + (traits.isEmpty ? "" : " (" + traits.joined(separator: ", ") + ")"))
            out.append("")
            if d.params.isEmpty {
                out.append("No parameters.")
            } else {
                out.append("| parameter | type | default | meaning |")
                out.append("| --- | --- | --- | --- |")
                for p in d.params {
                    let def: String
                    switch p.defaultValue {
                    case let .value(v): def = "`\(v)`" + (p.identity == .whenNotDefault ? " (run id only when set)" : "")
                    case .required: def = "required"
                    case .absent: def = "optional"
                    }
                    let doc = p.doc.replacingOccurrences(of: "|", with: "\\|")
                    out.append("| `\(p.name)` | \(p.type.summary.replacingOccurrences(of: "|", with: "\\|")) | \(def) | \(doc) |")
                }
            }
            for rule in d.rules { out.append("\nRule: \(rule.doc).") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
