/// The one declaration of a component parameter: name, type (with its bounds),
/// default and a one-line description. Grid validation, defaults filling, the
/// canonical configuration behind run ids, `bench catalog` and the component's
/// own checks all read this declaration.
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

    /// Whether the parameter enters the canonical configuration (and so the run id).
    public enum Identity: Sendable, Hashable {
        /// Always, default or not.
        case always
        /// Only when it differs from the default. For parameters that became
        /// settable after results were stored: leaving them out at their
        /// default keeps the stored run ids valid.
        case whenNotDefault
    }

    public let name: String
    public let type: ParamType
    public let defaultValue: Default
    public let doc: String
    public let identity: Identity

    /// A parameter declaration; a default value must fit the type.
    public init(_ name: String, _ type: ParamType, _ defaultValue: Default, _ doc: String,
                identity: Identity = .always) {
        if case let .value(v) = defaultValue {
            precondition((try? type.check(v).get()) == v, "default of \(name) does not fit its type")
        }
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
        self.identity = identity
    }

    /// A number parameter with a default.
    public static func double(_ name: String, _ value: Double, _ range: ValueRange, _ doc: String,
                              identity: Identity = .always) -> ParamSpec {
        ParamSpec(name, .double(range), .value(.double(value)), doc, identity: identity)
    }

    /// An integer parameter with a default.
    public static func int(_ name: String, _ value: Int, _ range: ValueRange, _ doc: String,
                           identity: Identity = .always) -> ParamSpec {
        ParamSpec(name, .int(range), .value(.int(value)), doc, identity: identity)
    }

    /// A boolean parameter with a default.
    public static func bool(_ name: String, _ value: Bool, _ doc: String, identity: Identity = .always) -> ParamSpec {
        ParamSpec(name, .bool, .value(.bool(value)), doc, identity: identity)
    }

    /// A string parameter restricted to `values`, with a default.
    public static func choice(_ name: String, _ value: String, _ values: [String], _ doc: String,
                              identity: Identity = .always) -> ParamSpec {
        ParamSpec(name, .choice(values), .value(.string(value)), doc, identity: identity)
    }

    /// An integer-list parameter with a default.
    public static func intList(_ name: String, _ value: [Int], _ range: ValueRange, _ doc: String) -> ParamSpec {
        ParamSpec(name, .intList(range), .value(.intList(value)), doc)
    }

    /// A file path parameter that is required or optional.
    public static func path(_ name: String, required: Bool, _ doc: String) -> ParamSpec {
        ParamSpec(name, .path, required ? .required : .absent, doc)
    }

    /// The default value, if the parameter has one.
    public var defaultParamValue: ParamValue? {
        if case let .value(v) = defaultValue { return v }
        return nil
    }
}
