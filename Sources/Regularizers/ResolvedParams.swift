import Support

/// Reads of parameters that the declaration has already checked and
/// completed: a missing key here is a programming error, not user input.
extension Params {
    func number(_ key: String) -> Double {
        guard let v = values[key]?.doubleValue else { preconditionFailure("parameter '\(key)' was not resolved") }
        return v
    }

    func integer(_ key: String) -> Int {
        guard let v = values[key]?.intValue else { preconditionFailure("parameter '\(key)' was not resolved") }
        return v
    }

    func flag(_ key: String) -> Bool {
        guard let v = values[key]?.boolValue else { preconditionFailure("parameter '\(key)' was not resolved") }
        return v
    }
}
