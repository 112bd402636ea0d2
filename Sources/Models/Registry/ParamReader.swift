import Support

/// Strict, typed reading of a model's parameters: rejects unknown keys (naming the
/// nearest valid key), wrong types and impossible values, and records every
/// resolved value in canonical form for the model's name.
struct ParamReader {
    let model: String
    /// The parameters checked against the model's declaration, defaults filled in.
    let given: [String: ParamValue]
    private(set) var resolved: [String: ParamValue] = [:]

    /// Checks `params` against `declaration` (unknown keys with the nearest
    /// valid key, types, bounds, rules) and fills in defaults.
    init(_ declaration: ComponentDeclaration, params: Params) throws(ModelError) {
        model = declaration.id
        do {
            given = try declaration.resolve(params.values)
        } catch {
            throw ModelError(model: model, key: error.key, message: "model '\(model)': "
                             + (error.key.map { "parameter '\($0)' " } ?? "") + error.message)
        }
    }

    private func raw(_ key: String) -> ParamValue {
        guard let v = given[key] else { preconditionFailure("no default for \(model).\(key)") }
        return v
    }

    private func fail(_ key: String, _ why: String) -> ModelError {
        ModelError(model: model, key: key, message: "model '\(model)': parameter '\(key)' \(why)")
    }

    /// A positive integer.
    mutating func positiveInt(_ key: String) throws(ModelError) -> Int {
        let v = raw(key)
        guard let i = v.intValue else { throw fail(key, "must be an integer, got \(v)") }
        guard i > 0 else { throw fail(key, "must be positive, got \(i)") }
        resolved[key] = .int(i)
        return i
    }

    /// A list of positive integers (a single integer counts as a one-element list).
    mutating func positiveIntList(_ key: String, allowEmpty: Bool) throws(ModelError) -> [Int] {
        let v = raw(key)
        guard let list = v.intListValue ?? v.intValue.map({ [$0] }) else { throw fail(key, "must be a list of integers, got \(v)") }
        if let bad = list.first(where: { $0 <= 0 }) { throw fail(key, "must hold positive sizes, got \(bad)") }
        if list.isEmpty && !allowEmpty { throw fail(key, "must not be empty") }
        resolved[key] = .intList(list)
        return list
    }

    /// A real number >= `minimum`.
    mutating func double(_ key: String, atLeast minimum: Double) throws(ModelError) -> Double {
        let v = raw(key)
        guard let d = v.doubleValue, d.isFinite else { throw fail(key, "must be a number, got \(v)") }
        guard d >= minimum else { throw fail(key, "must be at least \(minimum), got \(d)") }
        resolved[key] = .double(d)
        return d
    }

    mutating func bool(_ key: String) throws(ModelError) -> Bool {
        let v = raw(key)
        guard let b = v.boolValue else { throw fail(key, "must be true or false, got \(v)") }
        resolved[key] = .bool(b)
        return b
    }

    /// One of the named cases of `T`.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(ModelError) -> T
    where T.RawValue == String {
        let v = raw(key)
        let names = T.allCases.map(\.rawValue)
        guard let s = v.stringValue, let c = T(rawValue: s) else {
            throw fail(key, "must be one of \(names.joined(separator: ", ")), got '\(v)'\(NearestName.hint(v.description, among: names))")
        }
        resolved[key] = .string(s)
        return c
    }

    /// A restricted subset of `T`'s cases.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, among allowed: [T]) throws(ModelError) -> T
    where T.RawValue == String {
        let c = try choice(key, type)
        guard allowed.contains(where: { $0.rawValue == c.rawValue }) else {
            throw fail(key, "must be one of \(allowed.map(\.rawValue).joined(separator: ", ")), got '\(c.rawValue)'")
        }
        return c
    }

    /// `id(k=v,...)` over the resolved values in key order, or the bare id.
    func canonicalName() -> String {
        if resolved.isEmpty { return model }
        return model + "(" + resolved.keys.sorted().map { "\($0)=\(resolved[$0]!)" }.joined(separator: ",") + ")"
    }

    /// An error about parameter `key` with a free-form reason.
    func error(_ key: String, _ why: String) -> ModelError { fail(key, why) }
}
