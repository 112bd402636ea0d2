import Support
/// Hyperparameter declarations shared by the second-order methods.
enum QuasiNewtonSpecs {
    static func lr(_ summary: String = "initial trial step of the line search (the fixed step when line_search = none)") -> ParamSpec {
        ParamSpec.double("lr", 1, .positive, summary)
    }

    static func lineSearch(default name: LineSearchKind) -> ParamSpec {
        ParamSpec.choice("line_search", name.rawValue, LineSearchKind.names, "line search: armijo (backtracking), strong_wolfe (c1 = 1e-4, c2 = 0.9) or none")
    }

    static func curvature(default policy: CurvaturePolicy) -> ParamSpec {
        ParamSpec.choice("curvature", policy.rawValue, CurvaturePolicy.names, "pairs with y's not safely positive: skip, or damped (Powell)")
    }

    static let maxMemory = ParamSpec.int("max_memory_mb", 512, .atLeast(1), "largest dense n x n matrix allowed, in MiB")
    static let trustRegion = ParamSpec.bool("trust_region", true, "trust-region method (N&W Algorithm 6.2); false = line search")
    static let radius = ParamSpec.double("radius", 1, .positive, "initial trust-region radius Δ0")
    static let maxRadius = ParamSpec.double("max_radius", 100, .positive, "largest trust-region radius")
    static let eta = ParamSpec.double("eta", 1e-4, .closedOpen(0, 0.25), "accept a step when actual / predicted reduction > eta")
    static let skipR = ParamSpec.double("skip_r", 1e-8, .open(0, 1), "SR1 safeguard r of N&W eq. 6.26")
    static let history = ParamSpec.int("history", 10, .atLeast(1), "curvature pairs kept")

    /// Rejects a maximum radius below the initial one.
    static let radiusRule = ParamRule("max_radius >= radius") { p, _ in
        guard let r = p["radius"]?.doubleValue, let m = p["max_radius"]?.doubleValue, m < r else { return nil }
        return .init(key: "max_radius", "must be >= radius (\(ParamValue.double(r))), got \(ParamValue.double(m))")
    }
}
