import Support
/// The declaration of one component parameter in a catalog: name, type,
/// default and a one-line description.
public struct ParamSpec: Sendable {
    /// What happens when a grid file leaves the parameter out.
    public enum Default: Sendable, Hashable {
        /// The parameter takes this value.
        case value(ParamValue)
        /// The grid file must give it.
        case required
        /// The parameter stays absent from the resolved parameters.
        case absent
    }

    public let name: String
    public let type: ParamType
    public let defaultValue: Default
    public let doc: String

    /// A parameter declaration; a default value must fit the type.
    public init(_ name: String, _ type: ParamType, _ defaultValue: Default, _ doc: String) {
        if case let .value(v) = defaultValue {
            precondition(ParamSpec.matches(v, type), "default of \(name) does not fit its type")
        }
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
    }

    /// A number parameter with a default.
    public static func double(_ name: String, _ value: Double, _ range: ValueRange, _ doc: String) -> ParamSpec {
        ParamSpec(name, .double(range), .value(.double(value)), doc)
    }

    /// An integer parameter with a default.
    public static func int(_ name: String, _ value: Int, _ range: ValueRange, _ doc: String) -> ParamSpec {
        ParamSpec(name, .int(range), .value(.int(value)), doc)
    }

    /// A boolean parameter with a default.
    public static func bool(_ name: String, _ value: Bool, _ doc: String) -> ParamSpec {
        ParamSpec(name, .bool, .value(.bool(value)), doc)
    }

    /// A string parameter restricted to `values`, with a default.
    public static func choice(_ name: String, _ value: String, _ values: [String], _ doc: String) -> ParamSpec {
        ParamSpec(name, .choice(values), .value(.string(value)), doc)
    }

    /// An integer-list parameter with a default.
    public static func intList(_ name: String, _ value: [Int], _ range: ValueRange, _ doc: String) -> ParamSpec {
        ParamSpec(name, .intList(range), .value(.intList(value)), doc)
    }

    /// A file path parameter that is required or optional.
    public static func path(_ name: String, required: Bool, _ doc: String) -> ParamSpec {
        ParamSpec(name, .path, required ? .required : .absent, doc)
    }

    private static func matches(_ value: ParamValue, _ type: ParamType) -> Bool {
        switch (value, type) {
        case let (.double(v), .double(r)): return r.contains(v)
        case let (.int(v), .int(r)): return r.contains(Double(v))
        case (.bool, .bool): return true
        case let (.string(v), .choice(values)): return values.contains(v)
        case let (.intList(v), .intList(r)): return !v.isEmpty && v.allSatisfy { r.contains(Double($0)) }
        case (.string, .path): return true
        default: return false
        }
    }
}
