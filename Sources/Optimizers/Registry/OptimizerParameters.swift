import Support

/// The resolved hyperparameters of one optimizer: every declared parameter present,
/// defaults filled in, each value checked and in its canonical type.
public struct OptimizerParameters: Sendable, Equatable {
    /// Registry id the values belong to.
    public let optimizer: String
    /// All parameters by name (what a run records as `optimizer_params`).
    public let values: [String: ParamValue]

    init(optimizer: String, values: [String: ParamValue]) {
        self.optimizer = optimizer
        self.values = values
    }

    /// A real parameter; integers are widened.
    public func double(_ name: String) -> Double {
        switch values[name] {
        case .double(let v)?: return v
        case .int(let v)?: return Double(v)
        default: preconditionFailure("\(optimizer): parameter '\(name)' is not a resolved number")
        }
    }

    /// An integer parameter.
    public func int(_ name: String) -> Int {
        guard case .int(let v)? = values[name] else {
            preconditionFailure("\(optimizer): parameter '\(name)' is not a resolved integer")
        }
        return v
    }

    /// A boolean parameter.
    public func bool(_ name: String) -> Bool {
        guard case .bool(let v)? = values[name] else {
            preconditionFailure("\(optimizer): parameter '\(name)' is not a resolved boolean")
        }
        return v
    }

    /// A string (choice) parameter.
    public func string(_ name: String) -> String {
        guard case .string(let v)? = values[name] else {
            preconditionFailure("\(optimizer): parameter '\(name)' is not a resolved string")
        }
        return v
    }

    /// Parameters sorted by name, printed as `name=value` and joined by commas:
    /// the argument list of a canonical short name such as `adam(beta1=0.9, ...)`.
    public var canonicalArguments: String {
        values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: ", ")
    }
}
