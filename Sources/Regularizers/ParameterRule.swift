import Support

/// One parameter a regularizer accepts: its key, kind, default and allowed range.
///
/// A regularizer lists its rules in canonical order; that order is the order of the
/// parameters in its canonical name.
public struct ParameterRule: Sendable {
    /// The kind of value a key takes. Integers written for a `.number` key widen;
    /// whole numbers written for an `.integer` key narrow.
    public enum Kind: String, Sendable { case number, integer, boolean }

    /// Allowed values of a numeric parameter. Numbers must also be finite.
    public enum Bound: Sendable, Equatable {
        case any
        /// `>= 0`.
        case nonNegative
        /// `> 0`.
        case positive
        /// `[0, 1)`, probabilities that must leave something (dropout, smoothing).
        case unitInterval
        /// `[0, 1]`.
        case closedUnitInterval
        /// An integer `>= n`.
        case atLeast(Int)

        func admits(_ x: Double) -> Bool {
            guard x.isFinite else { return false }
            switch self {
            case .any: return true
            case .nonNegative: return x >= 0
            case .positive: return x > 0
            case .unitInterval: return x >= 0 && x < 1
            case .closedUnitInterval: return x >= 0 && x <= 1
            case .atLeast(let n): return x >= Double(n)
            }
        }

        var text: String {
            switch self {
            case .any: return "finite"
            case .nonNegative: return ">= 0"
            case .positive: return "> 0"
            case .unitInterval: return "in [0, 1)"
            case .closedUnitInterval: return "in [0, 1]"
            case .atLeast(let n): return ">= \(n)"
            }
        }
    }

    public let key: String
    public let kind: Kind
    /// Value used when the grid leaves the key out; nil for keys that are optional
    /// alternatives (grad_clip's `max_norm` / `max_value`).
    public let defaultValue: ParamValue?
    public let bound: Bound

    public init(_ key: String, _ kind: Kind, default defaultValue: ParamValue?, bound: Bound = .any) {
        self.key = key; self.kind = kind; self.defaultValue = defaultValue; self.bound = bound
    }

    /// Resolves `given` (as written in a grid) against `rules`: rejects unknown keys
    /// (suggesting the nearest), wrong kinds and out-of-range values, fills defaults,
    /// and stores numbers as `.double`, integers as `.int`, so equal settings always
    /// resolve to equal values whichever way they were written.
    static func resolve(_ given: Params, rules: [ParameterRule], regularizer: String) throws(RegularizerError) -> Params {
        let known = rules.map(\.key)
        for key in given.values.keys.sorted() where !known.contains(key) {
            throw .unknownParameter(regularizer: regularizer, key: key,
                                    suggestion: NearestName.suggest(key, among: known))
        }
        var out: [String: ParamValue] = [:]
        for rule in rules {
            guard let value = given.values[rule.key] ?? rule.defaultValue else { continue }
            out[rule.key] = try rule.check(value, regularizer: regularizer)
        }
        return Params(out)
    }

    private func check(_ value: ParamValue, regularizer: String) throws(RegularizerError) -> ParamValue {
        switch kind {
        case .boolean:
            guard let b = value.boolValue else {
                throw .wrongType(regularizer: regularizer, key: key, expected: "boolean", value: value)
            }
            return .bool(b)
        case .number:
            guard let x = value.doubleValue else {
                throw .wrongType(regularizer: regularizer, key: key, expected: "number", value: value)
            }
            guard bound.admits(x) else {
                throw .outOfRange(regularizer: regularizer, key: key, value: value, allowed: bound.text)
            }
            return .double(x)
        case .integer:
            guard let n = value.intValue else {
                throw .wrongType(regularizer: regularizer, key: key, expected: "integer", value: value)
            }
            guard bound.admits(Double(n)) else {
                throw .outOfRange(regularizer: regularizer, key: key, value: value, allowed: bound.text)
            }
            return .int(n)
        }
    }
}
