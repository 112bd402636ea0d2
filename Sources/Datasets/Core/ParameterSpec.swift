/// One parameter a data set accepts: its name, default, and allowed values.
struct ParameterSpec: Sendable {
    /// What values are allowed.
    enum Rule: Sendable {
        case integer(ClosedRange<Int>)
        /// A real number between `lower` and `upper`; the flags make an end exclusive.
        case real(lower: Double, upper: Double, lowerOpen: Bool, upperOpen: Bool)
        case choice([String])
        case boolean
        /// A non-empty file path.
        case path
    }

    let name: String
    /// Nil for parameters that have no default (required paths, optional extra files).
    let defaultValue: DatasetParam?
    let rule: Rule
    let required: Bool

    init(_ name: String, _ defaultValue: DatasetParam?, _ rule: Rule, required: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.rule = rule
        self.required = required
    }

    /// Words for what the rule allows, used in error messages.
    var expected: String {
        switch rule {
        case .integer(let r):
            return r.upperBound == Int.max ? "an integer >= \(r.lowerBound)" : "an integer in \(r.lowerBound)...\(r.upperBound)"
        case .real(let lo, let hi, let lowerOpen, let upperOpen):
            let left = lowerOpen ? "(" : "[", right = upperOpen ? ")" : "]"
            let upper = hi == .infinity ? "inf" : String(hi)
            return "a number in \(left)\(lo), \(upper)\(right)"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        case .boolean: return "true or false"
        case .path: return "a file path"
        }
    }

    /// The value in canonical form if it satisfies the rule, else nil.
    /// Integral doubles are accepted as integers and integers as reals.
    func validate(_ value: DatasetParam) -> DatasetParam? {
        switch (rule, value) {
        case (.integer(let r), .int(let v)):
            return r.contains(v) ? .int(v) : nil
        case (.integer(let r), .double(let v)):
            guard v.rounded() == v, let i = Int(exactly: v), r.contains(i) else { return nil }
            return .int(i)
        case (.real, .int(let v)):
            return validate(.double(Double(v)))
        case (.real(let lo, let hi, let lowerOpen, let upperOpen), .double(let v)):
            guard v.isFinite else { return nil }
            let aboveLow = lowerOpen ? v > lo : v >= lo
            let belowHigh = upperOpen ? v < hi : v <= hi
            return aboveLow && belowHigh ? .double(v) : nil
        case (.choice(let options), .string(let s)):
            return options.contains(s) ? .string(s) : nil
        case (.boolean, .bool(let b)):
            return .bool(b)
        case (.path, .string(let s)):
            return s.isEmpty ? nil : .string(s)
        default:
            return nil
        }
    }
}
