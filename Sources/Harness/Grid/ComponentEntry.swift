import Support
/// One registered component (an optimizer, model, regularizer or dataset) as
/// grid files see it: its id, parameters with defaults, cross-parameter rules
/// and traits.
public struct ComponentEntry: Sendable {
    public let id: String
    public let doc: String
    public let params: [ParamSpec]
    public let traits: Set<ComponentTrait>
    public let rules: [ParamRule]

    /// An entry; parameter names must be unique.
    public init(_ id: String, _ doc: String, params: [ParamSpec] = [], traits: Set<ComponentTrait> = [],
                rules: [ParamRule] = []) {
        precondition(Set(params.map(\.name)).count == params.count, "duplicate parameter in \(id)")
        self.id = id
        self.doc = doc
        self.params = params
        self.traits = traits
        self.rules = rules
    }

    /// The declaration of parameter `name`, if the component has one.
    public func param(_ name: String) -> ParamSpec? {
        params.first { $0.name == name }
    }
}
