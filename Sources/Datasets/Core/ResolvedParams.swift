/// Parameters of one data set after validation, with defaults filled in.
///
/// Accessors are for builders only: asking for a name that the data set does
/// not declare, or with the wrong type, is a programmer error.
struct ResolvedParams: Sendable {
    let dataset: String
    let values: [String: DatasetParam]

    /// Checks `given` against `specs`: unknown names, wrong types, out-of-range
    /// values and missing required parameters throw `DatasetError`.
    init(dataset: String, specs: [ParameterSpec], given: [String: DatasetParam]) throws {
        var values: [String: DatasetParam] = [:]
        for name in given.keys.sorted() {
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw DatasetError.unknownParameter(dataset: dataset, name: name, known: specs.map(\.name).sorted())
            }
            guard let value = spec.validate(given[name]!) else {
                throw DatasetError.invalidParameter(dataset: dataset, name: name, value: given[name]!.description,
                                                    expected: spec.expected)
            }
            values[name] = value
        }
        for spec in specs where values[spec.name] == nil {
            if let d = spec.defaultValue {
                values[spec.name] = d
            } else if spec.required {
                throw DatasetError.missingParameter(dataset: dataset, name: spec.name)
            }
        }
        self.dataset = dataset
        self.values = values
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
        .invalidParameter(dataset: dataset, name: name, value: values[name]?.description ?? "(absent)", expected: expected)
    }
}
