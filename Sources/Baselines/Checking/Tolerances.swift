/// Tolerances of the tolerance mode, per compared name: a curve (`val_loss`),
/// a series curve (`series/<group>/<name>`) or a stored tensor
/// (`final/fc1.weight`).
///
/// Defaults (`Tolerances()`): rtol = 1e-6 and atol = 1e-9 for every name.
/// That is far above the rounding noise of a changed summation order on
/// float64 curves (about 1e-15 relative) and below any change a reader would
/// see in a plot; float32 runs may need a looser rtol (e.g. `rtol:1e-4`).
/// An override may set either tolerance and inherits the other from the default.
public struct Tolerances: Sendable, Equatable {
    /// A per-name override; nil fields fall back to the default.
    public struct Override: Sendable, Equatable {
        public var rtol: Double?
        public var atol: Double?
        /// An override of either or both tolerances.
        public init(rtol: Double? = nil, atol: Double? = nil) { self.rtol = rtol; self.atol = atol }
    }

    /// The documented default relative tolerance.
    public static let defaultRelative = 1e-6
    /// The documented default absolute tolerance.
    public static let defaultAbsolute = 1e-9

    /// The tolerance of every name without an override.
    public var standard: Tolerance
    /// Overrides by name.
    public var overrides: [String: Override]

    /// Tolerances with the given default and overrides (the documented defaults if none given).
    public init(standard: Tolerance = Tolerance(rtol: defaultRelative, atol: defaultAbsolute),
                overrides: [String: Override] = [:]) {
        self.standard = standard; self.overrides = overrides
    }

    /// The tolerance that applies to `name`.
    public func tolerance(for name: String) -> Tolerance {
        guard let o = overrides[name] else { return standard }
        return Tolerance(rtol: o.rtol ?? standard.rtol, atol: o.atol ?? standard.atol)
    }

    /// The documented defaults with the settings of `spec` applied (see `merging`).
    public static func parse(_ spec: String) throws(BaselineError) -> Tolerances {
        try Tolerances().merging(spec)
    }

    /// These tolerances with the settings of `spec` applied.
    ///
    /// A spec is a list of `key:value` settings (`key` is `rtol` or `atol`,
    /// `value` a non-negative number) separated by commas, semicolons or
    /// spaces. `name=key:value` starts the settings of `name`; the settings
    /// that follow belong to it until the next `name=`. Settings before any
    /// name, or after `default=`, change the default. Examples:
    /// `val_loss=rtol:1e-3,atol:1e-6`, `rtol:1e-5`,
    /// `rtol:1e-4;val_accuracy=atol:0.01,train_loss=rtol:1e-3`.
    public func merging(_ spec: String) throws(BaselineError) -> Tolerances {
        var result = self
        var target: String? = nil
        // A name given with `name=` that has not received a setting yet.
        var unset: Substring? = nil
        let tokens = spec.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty else { throw .badTolerance(spec: spec, reason: "it is empty") }
        for token in tokens {
            var setting = Substring(token)
            if let equals = token.firstIndex(of: "=") {
                let name = token[..<equals]
                guard !name.isEmpty else { throw .badTolerance(spec: spec, reason: "a name is empty before '='") }
                if name == "rtol" || name == "atol" {
                    throw .badTolerance(spec: spec, reason: "write \(name):VALUE, not \(name)=VALUE")
                }
                if let unset { throw .badTolerance(spec: spec, reason: "no rtol or atol given for \(unset)") }
                target = name == "default" ? nil : String(name)
                setting = token[token.index(after: equals)...]
                if setting.isEmpty { unset = name; continue }
            }
            unset = nil
            guard let colon = setting.firstIndex(of: ":") else {
                throw .badTolerance(spec: spec, reason: "\"\(setting)\" is not key:value")
            }
            let key = setting[..<colon]
            let text = setting[setting.index(after: colon)...]
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw .badTolerance(spec: spec, reason: "\"\(text)\" is not a non-negative number")
            }
            switch (key, target) {
            case ("rtol", nil): result.standard.rtol = value
            case ("atol", nil): result.standard.atol = value
            case ("rtol", let name?): result.overrides[name, default: Override()].rtol = value
            case ("atol", let name?): result.overrides[name, default: Override()].atol = value
            default: throw .badTolerance(spec: spec, reason: "unknown key \"\(key)\" (use rtol or atol)")
            }
        }
        if let unset { throw .badTolerance(spec: spec, reason: "no rtol or atol given for \(unset)") }
        return result
    }
}
