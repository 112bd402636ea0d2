import Support
/// Optimizer names and parameters accepted in grid files. Defaults follow
/// `torch.optim` for the first-order methods and Nocedal and Wright,
/// *Numerical Optimization* (2nd ed.) for the quasi-Newton ones.
public enum OptimizerCatalog {
    /// Learning-rate schedule parameters shared by every first-order method.
    static let schedule: [ParamSpec] = [
        .choice("schedule", "constant", ["constant", "step", "cosine"],
                "learning-rate schedule after warm-up"),
        .int("warmup_steps", 0, .nonNegative, "steps of linear warm-up from 0 to lr"),
        .int("step_size", 100, .atLeast(1), "step schedule: steps between decays"),
        .double("gamma", 0.1, .unitLeftOpen, "step schedule: factor applied to lr at each decay"),
    ]

    static let memory = ParamSpec.int("max_memory_mb", 512, .atLeast(1),
                                      "refuse models whose dense n x n matrix needs more memory")

    static func denseRank2(_ id: String, _ doc: String, curvature: String) -> ComponentEntry {
        ComponentEntry(id, doc, params: [
            .double("lr", 1, .positive, "initial step length tried by the line search"),
            .choice("line_search", "strong_wolfe", ["armijo", "strong_wolfe"], "line search (N&W ch. 3)"),
            .choice("curvature", curvature, ["damped", "skip"],
                    "when y's < 0 on a mini-batch: Powell damping (N&W 18.2) or skip the update"),
            memory,
        ])
    }

    /// Parameters shared by the dense and limited-memory SR1 methods.
    static let rank1Common: [ParamSpec] = [
        .bool("trust_region", true, "trust-region steps; false uses the line search"),
        .double("radius", 1.0, .positive, "initial trust-region radius"),
        .double("max_radius", 100, .positive, "largest trust-region radius"),
        .double("eta", 1e-4, ValueRange(lower: 0, upper: 0.25, upperInclusive: false),
                "accept a step when actual/predicted reduction > eta"),
        .double("skip_r", 1e-8, .unitInterior, "skip the update when |s'(y - Bs)| < skip_r |s| |y - Bs| (N&W 6.26)"),
        .double("lr", 1, .positive, "initial line-search step (when trust_region is false)"),
        .choice("line_search", "armijo", ["armijo", "strong_wolfe"], "line search used when trust_region is false"),
    ]

    /// The trust region's cap may not be below its starting radius.
    static let radiusRule = ParamRule("max_radius >= radius") { p, _ in
        guard let r = p["radius"]?.doubleValue, let m = p["max_radius"]?.doubleValue, m < r else { return nil }
        return .init(key: "max_radius", "must be >= radius (\(ParamValue.double(r))), got \(ParamValue.double(m))")
    }

    public static let catalog = ComponentCatalog(axis: .optimizer, entries: [
        ComponentEntry("sgd", "stochastic gradient descent with optional heavy-ball or Nesterov momentum",
                       params: [
                           .double("lr", 0.01, .positive, "learning rate"),
                           .double("momentum", 0, .unitOpen, "momentum factor"),
                           .bool("nesterov", false, "Nesterov momentum (Sutskever et al. 2013 form, as torch)"),
                           .double("dampening", 0, .unitOpen, "dampening of the momentum buffer"),
                       ] + schedule,
                       traits: [.firstOrder],
                       rules: [ParamRule("nesterov needs momentum > 0 and dampening = 0") { p, _ in
                           guard p["nesterov"]?.boolValue == true else { return nil }
                           if p["momentum"]?.doubleValue == 0 {
                               return .init(key: "nesterov", "nesterov needs momentum > 0")
                           }
                           if p["dampening"]?.doubleValue != 0 {
                               return .init(key: "nesterov", "nesterov needs dampening = 0")
                           }
                           return nil
                       }]),
        ComponentEntry("adagrad", "Adagrad (Duchi et al. 2011)", params: [
            .double("lr", 0.01, .positive, "learning rate"),
            .double("eps", 1e-10, .positive, "added to the root of the accumulator"),
            .double("initial_accumulator", 0, .nonNegative, "starting value of the squared-gradient sum"),
        ] + schedule, traits: [.firstOrder]),
        ComponentEntry("rmsprop", "RMSprop (Tieleman and Hinton 2012), torch form", params: [
            .double("lr", 0.01, .positive, "learning rate"),
            .double("alpha", 0.99, .unitOpen, "decay of the squared-gradient average"),
            .double("eps", 1e-8, .positive, "added to the root of the average"),
            .double("momentum", 0, .unitOpen, "momentum factor"),
            .bool("centered", false, "divide by the variance estimate instead of the raw second moment"),
        ] + schedule, traits: [.firstOrder]),
        ComponentEntry("adam", "Adam with bias correction (Kingma and Ba 2015)", params: [
            .double("lr", 0.001, .positive, "learning rate"),
            .double("beta1", 0.9, .unitOpen, "decay of the first-moment average"),
            .double("beta2", 0.999, .unitOpen, "decay of the second-moment average"),
            .double("eps", 1e-8, .positive, "added to the root of the second moment"),
        ] + schedule, traits: [.firstOrder]),
        ComponentEntry("adamw", "Adam with decoupled weight decay (Loshchilov and Hutter 2019)", params: [
            .double("lr", 0.001, .positive, "learning rate"),
            .double("beta1", 0.9, .unitOpen, "decay of the first-moment average"),
            .double("beta2", 0.999, .unitOpen, "decay of the second-moment average"),
            .double("eps", 1e-8, .positive, "added to the root of the second moment"),
            .double("weight_decay", 0.01, .nonNegative, "decoupled decay factor, multiplied by lr"),
        ] + schedule, traits: [.firstOrder]),
        denseRank2("bfgs", "BFGS inverse-Hessian update (N&W eq. 6.17)", curvature: "damped"),
        denseRank2("dfp", "DFP inverse-Hessian update (N&W eq. 6.15)", curvature: "skip"),
        ComponentEntry("sr1", "symmetric rank-1 update (N&W eq. 6.24, skip rule 6.26, trust region Alg. 6.2)",
                       params: rank1Common + [memory], rules: [radiusRule]),
        ComponentEntry("lsr1", "limited-memory SR1 (compact form, Byrd, Nocedal and Schnabel 1994) with a trust region",
                       params: [.int("history", 10, .atLeast(1), "number of stored (s, y) pairs")] + rank1Common,
                       rules: [radiusRule]),
        ComponentEntry("lbfgs", "L-BFGS two-loop recursion (N&W Alg. 7.4)", params: [
            .double("lr", 1, .positive, "initial step length (the fixed step when line_search is none)"),
            .int("history", 10, .atLeast(1), "number of stored (s, y) pairs"),
            .choice("line_search", "strong_wolfe", ["armijo", "strong_wolfe", "none"], "line search (N&W ch. 3)"),
            .choice("curvature", "skip", ["damped", "skip"],
                    "pairs with y's not safely positive: skip them, or Powell damping (N&W 18.2)"),
        ]),
        ComponentEntry("newton_cg", "Newton-CG / Hessian-free with damping (N&W Alg. 7.1, Martens 2010)", params: [
            .double("lr", 1, .positive, "initial step length"),
            .double("damping", 1.0, .nonNegative, "lambda added to the Hessian: (H + lambda I) p = -g"),
            .int("cg_max_iter", 50, .atLeast(1), "conjugate-gradient iterations per step"),
            .double("cg_tol", 1e-4, .unitInterior, "relative residual that stops CG"),
            .choice("line_search", "armijo", ["armijo", "none"], "backtracking Armijo or the plain step"),
        ]),
    ])
}
