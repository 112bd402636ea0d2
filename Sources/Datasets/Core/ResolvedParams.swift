import Support

/// Parameters of one data set after validation against its declaration, with
/// defaults filled in.
///
/// Accessors are for builders only: asking for a name that the data set does
/// not declare, or with the wrong type, is a programmer error.
struct ResolvedParams: Sendable {
    let dataset: String
    let values: [String: ParamValue]

    /// Checks `given` against `declaration` (unknown names, wrong types,
    /// out-of-range values, missing required parameters, rules).
    init(_ declaration: ComponentDeclaration, given: [String: ParamValue]) throws(DatasetError) {
        do {
            values = try declaration.resolve(given)
        } catch {
            throw .parameter(error)
        }
        dataset = declaration.id
    }

    func int(_ name: String) -> Int {
        guard case .int(let v) = values[name] else { preconditionFailure("\(dataset): no integer parameter '\(name)'") }
        return v
    }

    func double(_ name: String) -> Double {
        guard case .double(let v) = values[name] else { preconditionFailure("\(dataset): no real parameter '\(name)'") }
        return v
    }

    func string(_ name: String) -> String {
        guard let v = optionalString(name) else { preconditionFailure("\(dataset): no string parameter '\(name)'") }
        return v
    }

    /// A string parameter that may be absent (optional file paths).
    func optionalString(_ name: String) -> String? {
        guard case .string(let v) = values[name] else { return nil }
        return v
    }

    func bool(_ name: String) -> Bool {
        guard case .bool(let v) = values[name] else { preconditionFailure("\(dataset): no boolean parameter '\(name)'") }
        return v
    }

    /// An error saying that parameter `name` does not fit, for checks that involve several parameters.
    func invalid(_ name: String, expected: String) -> DatasetError {
        .parameter(ParamError(component: dataset, key: name,
                              "= \(values[name]?.description ?? "(absent)"): expected \(expected)"))
    }
}
