/// Hyperparameter declarations shared by the second-order methods.
enum QuasiNewtonSpecs {
    static func lr(_ summary: String = "initial trial step of the line search (the fixed step when line_search = none)") -> ParameterSpec {
        ParameterSpec("lr", .real(.positive), default: .double(1), summary)
    }

    static func lineSearch(default name: LineSearchKind) -> ParameterSpec {
        ParameterSpec("line_search", .choice(LineSearchKind.names), default: .string(name.rawValue),
                      "line search: armijo (backtracking), strong_wolfe (c1 = 1e-4, c2 = 0.9) or none")
    }

    static func curvature(default policy: CurvaturePolicy) -> ParameterSpec {
        ParameterSpec("curvature", .choice(CurvaturePolicy.names), default: .string(policy.rawValue),
                      "pairs with y's not safely positive: skip, or damped (Powell)")
    }

    static let maxMemory = ParameterSpec("max_memory_mb", .real(.positive), default: .double(512),
                                         "largest dense n x n matrix allowed, in MiB")
    static let trustRegion = ParameterSpec("trust_region", .flag, default: .bool(true),
                                           "trust-region method (N&W Algorithm 6.2); false = line search")
    static let radius = ParameterSpec("radius", .real(.positive), default: .double(1), "initial trust-region radius Δ0")
    static let maxRadius = ParameterSpec("max_radius", .real(.positive), default: .double(100), "largest trust-region radius")
    static let eta = ParameterSpec("eta", .real(ValueRange(lower: 0, lowerInclusive: true, upper: 0.25, upperInclusive: false)),
                                   default: .double(1e-4), "accept a step when actual / predicted reduction > eta")
    static let skipR = ParameterSpec("skip_r", .real(.unitOpen), default: .double(1e-8),
                                     "SR1 safeguard r of N&W eq. 6.26")
    static let history = ParameterSpec("history", .integer(.atLeastOne), default: .int(10), "curvature pairs kept")

    /// Rejects a maximum radius below the initial one.
    static func checkRadii(_ p: OptimizerParameters) throws(OptimizerError) {
        if p.double("max_radius") < p.double("radius") {
            throw .inconsistent(optimizer: p.optimizer,
                                message: "max_radius (\(p.double("max_radius"))) must be >= radius (\(p.double("radius")))")
        }
    }
}
