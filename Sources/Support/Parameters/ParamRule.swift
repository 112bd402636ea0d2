/// A check across several parameters of one component, run after defaults
/// are filled in (for example: transformer `heads` must divide `d_model`).
///
/// A rule may also adjust the resolved parameters, e.g. drop a default that a
/// mutually exclusive parameter given by the user replaces.
public struct ParamRule: Sendable {
    /// What went wrong and which parameter to blame (nil: the component itself).
    public struct Violation: Sendable, Equatable {
        public let key: String?
        public let message: String
        /// A violation blamed on parameter `key` (nil: the component).
        public init(key: String?, _ message: String) {
            self.key = key
            self.message = message
        }
    }

    /// One line saying what the rule demands.
    public let doc: String
    let apply: @Sendable (_ params: inout [String: ParamValue], _ userSet: Set<String>) -> Violation?

    /// A rule described by `doc`; `apply` returns nil when the parameters pass.
    public init(_ doc: String,
                _ apply: @escaping @Sendable (_ params: inout [String: ParamValue], _ userSet: Set<String>) -> Violation?) {
        self.doc = doc
        self.apply = apply
    }

    /// Applies the rule to `params` (which it may adjust); `userSet` names the
    /// parameters the user gave explicitly.
    public func check(_ params: inout [String: ParamValue], userSet: Set<String>) -> Violation? {
        apply(&params, userSet)
    }
}
