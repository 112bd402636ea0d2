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
}
