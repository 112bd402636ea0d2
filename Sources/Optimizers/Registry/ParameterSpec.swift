/// The declaration of one hyperparameter: name, type, admissible values, documented
/// default and a one-line meaning.
public struct ParameterSpec: Sendable {
    /// What values a parameter takes.
    public enum Kind: Sendable {
        /// A real number within the range (integers are accepted and converted).
        case real(ValueRange)
        /// An integer within the range (a real with an integral value is accepted).
        case integer(ValueRange)
        /// true or false.
        case flag
        /// One of the listed names.
        case choice([String])
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: OptimizerParam
    public let summary: String

    /// Declares parameter `name` of `kind` with its documented default and meaning.
    public init(_ name: String, _ kind: Kind, default defaultValue: OptimizerParam, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// Checks `value` against the declaration and returns it in its canonical type
    /// (`.double` for reals, `.int` for integers).
    func check(_ value: OptimizerParam, optimizer: String) throws(OptimizerError) -> OptimizerParam {
        func wrongType(_ expected: String) -> OptimizerError {
            .wrongType(optimizer: optimizer, parameter: name, expected: expected, got: "\(value.typeName) \(value)")
        }
        func outOfRange(_ range: ValueRange) -> OptimizerError {
            .outOfRange(optimizer: optimizer, parameter: name, value: value.description, requirement: range.description)
        }
        switch kind {
        case .real(let range):
            let x: Double
            switch value {
            case .double(let v): x = v
            case .int(let v): x = Double(v)
            default: throw wrongType("number")
            }
            guard x.isFinite, range.contains(x) else { throw outOfRange(range) }
            return .double(x)
        case .integer(let range):
            let n: Int
            switch value {
            case .int(let v): n = v
            case .double(let v) where v.isFinite && v == v.rounded() && abs(v) < 1e15: n = Int(v)
            default: throw wrongType("integer")
            }
            guard range.contains(Double(n)) else { throw outOfRange(range) }
            return .int(n)
        case .flag:
            guard case .bool = value else { throw wrongType("boolean") }
            return value
        case .choice(let options):
            guard case .string(let s) = value else { throw wrongType("one of \(options.joined(separator: ", "))") }
            guard options.contains(s) else {
                throw .invalidChoice(optimizer: optimizer, parameter: name, value: s, allowed: options,
                                     suggestion: NearestName.suggest(s, among: options))
            }
            return value
        }
    }
}
