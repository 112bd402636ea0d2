/// Everything a component (optimizer, model, regularizer or data set) says
/// about itself, declared once in the component's own file: its registry id,
/// a one-line description, its parameters, cross-parameter rules, traits and,
/// for optimizers, family and relative cost.
///
/// The grid parser, `bench catalog`, the README's parameter tables and the
/// component's own validation (`resolve`) all read this one value.
public struct ComponentDeclaration: Sendable {
    public let id: String
    public let doc: String
    public let params: [ParamSpec]
    public let rules: [ParamRule]
    public let traits: Set<ComponentTrait>
    /// The optimizer family (nil for other components).
    public let family: OptimizerFamily?
    /// Relative cost of one training step against a dense model with a
    /// first-order optimizer (1), used to balance shards and estimate time.
    public let costWeight: Double

    /// A declaration; parameter names must be unique.
    public init(_ id: String, _ doc: String, params: [ParamSpec] = [], rules: [ParamRule] = [],
                traits: Set<ComponentTrait> = [], family: OptimizerFamily? = nil, costWeight: Double = 1) {
        precondition(Set(params.map(\.name)).count == params.count, "duplicate parameter in \(id)")
        precondition(costWeight > 0, "cost weight of \(id) must be positive")
        self.id = id
        self.doc = doc
        self.params = params
        self.rules = rules
        self.traits = traits
        self.family = family
        self.costWeight = costWeight
    }

    /// The default of every parameter that has one.
    public var defaults: [String: ParamValue] {
        var out: [String: ParamValue] = [:]
        for p in params { if let v = p.defaultParamValue { out[p.name] = v } }
        return out
    }

    /// The declaration of parameter `name`, if the component has one.
    public func param(_ name: String) -> ParamSpec? {
        params.first { $0.name == name }
    }

    /// Checks `given` against the declaration and fills in defaults: unknown
    /// names (with the nearest known one), wrong types, out-of-range values,
    /// missing required parameters and broken rules throw. Values come back in
    /// canonical form, so equal settings resolve equal whichever way they were
    /// written. Grid validation and the component's registry both call this.
    public func resolve(_ given: [String: ParamValue]) throws(ParamError) -> [String: ParamValue] {
        var params: [String: ParamValue] = [:]
        for key in given.keys.sorted() {
            let spec = try known(key)
            switch spec.type.check(given[key]!) {
            case let .success(v): params[key] = v
            case let .failure(f): throw ParamError(component: id, key: key, f.message)
            }
        }
        try fillDefaults(&params)
        try applyRules(&params, userSet: Set(given.keys))
        return params
    }

    /// The declaration of parameter `key`; an unknown key throws, naming the
    /// nearest known one (or all of them).
    public func known(_ key: String) throws(ParamError) -> ParamSpec {
        if let spec = param(key) { return spec }
        let hint = params.isEmpty ? "; \(id) takes no parameters"
            : NearestName.hint(for: key, in: params.map(\.name), known: "parameters")
        throw ParamError(component: id, key: key, "unknown parameter '\(key)' of \(id)" + hint)
    }

    /// Adds the default of every parameter not in `params`; throws for a
    /// missing required one.
    public func fillDefaults(_ params: inout [String: ParamValue]) throws(ParamError) {
        for p in self.params where params[p.name] == nil {
            switch p.defaultValue {
            case let .value(v): params[p.name] = v
            case .required: throw ParamError(component: id, key: nil, "missing required parameter '\(p.name)'")
            case .absent: break
            }
        }
    }

    /// Runs the cross-parameter rules in order (they may adjust `params`).
    public func applyRules(_ params: inout [String: ParamValue], userSet: Set<String>) throws(ParamError) {
        for rule in rules {
            if let violation = rule.check(&params, userSet: userSet) {
                throw ParamError(component: id, key: violation.key, violation.message)
            }
        }
    }

    /// The parameters that enter the canonical configuration: all of them,
    /// except those declared `whenNotDefault` while they hold their default.
    public func identityParams(_ params: [String: ParamValue]) -> [String: ParamValue] {
        params.filter { key, value in
            guard let spec = param(key), spec.identity == .whenNotDefault else { return true }
            return spec.defaultParamValue != value
        }
    }

    /// A reference listing: the id and doc, then one line per parameter with
    /// its type, default and doc, then the rules.
    public var reference: String {
        var lines = ["\(id): \(doc)"]
        for p in params {
            let def: String
            switch p.defaultValue {
            case let .value(v): def = "default \(v)"
            case .required: def = "required"
            case .absent: def = "optional"
            }
            lines.append("  \(p.name) (\(p.type.summary); \(def)): \(p.doc)")
        }
        for rule in rules { lines.append("  rule: \(rule.doc)") }
        return lines.joined(separator: "\n")
    }
}

/// A parameter problem of one component: which component, which key (nil: the
/// component as a whole) and what is wrong.
public struct ParamError: Error, Sendable, Equatable, CustomStringConvertible {
    public let component: String
    public let key: String?
    public let message: String

    /// An error blamed on `key` of `component`.
    public init(component: String, key: String?, _ message: String) {
        self.component = component
        self.key = key
        self.message = message
    }

    public var description: String {
        key.map { "\(component).\($0): \(message)" } ?? "\(component): \(message)"
    }
}
