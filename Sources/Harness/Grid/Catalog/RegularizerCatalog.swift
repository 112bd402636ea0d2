import Support
/// Regularizer names and parameters accepted in grid files. `none` stands for
/// plain training; several regularizers in one grid entry are applied together.
public enum RegularizerCatalog {
    static let lambda = ParamSpec.double("lambda", 1e-4, .nonNegative, "penalty weight")
    static let includeBias = ParamSpec.bool("include_bias", false, "also act on bias vectors")

    public static let catalog = ComponentCatalog(axis: .regularizer, entries: [
        ComponentEntry("none", "no regularization", traits: [.appliesToTestFunctions]),
        ComponentEntry("l1", "penalty lambda * sum |w|", params: [lambda, includeBias], traits: [.appliesToTestFunctions]),
        ComponentEntry("l2", "penalty (lambda/2) * sum w^2", params: [lambda, includeBias], traits: [.appliesToTestFunctions]),
        ComponentEntry("weight_decay", "w <- w - lr * lambda * w after each step (decoupled)",
                       params: [.double("lambda", 0.01, .nonNegative, "decay factor (torch AdamW's default)"), includeBias],
                       traits: [.appliesToTestFunctions]),
        ComponentEntry("rank1", "(lambda/2) sum_k w_k^2 + (mu/2) sum_k (w_k - w_{k-1})^2", params: [
            lambda,
            .double("mu", 1e-4, .nonNegative, "weight of the squared differences of consecutive parameters"),
            includeBias,
        ], traits: [.appliesToTestFunctions]),
        ComponentEntry("dropout", "inverted dropout on hidden activations during training", params: [
            .double("p", 0.5, .unitOpen, "probability of dropping a unit (torch's default)"),
        ]),
        ComponentEntry("batchnorm", "batch normalization after hidden layers (Ioffe and Szegedy 2015)", params: [
            .double("momentum", 0.1, .unitLeftOpen, "update factor of the running statistics"),
            .double("eps", 1e-5, .positive, "added to the variance"),
        ]),
        ComponentEntry("layernorm", "layer normalization after hidden layers (Ba et al. 2016)", params: [
            .double("eps", 1e-5, .positive, "added to the variance"),
        ]),
        ComponentEntry("grad_clip", "gradient clipping by global norm (max_norm) or by value (max_value)",
                       params: [
                           .double("max_norm", 1.0, .positive, "largest global gradient norm"),
                           ParamSpec("max_value", .double(.positive), .absent, "largest absolute gradient entry"),
                       ],
                       traits: [.appliesToTestFunctions],
                       rules: [ParamRule("exactly one of max_norm and max_value") { p, user in
                           guard user.contains("max_value") else { return nil }
                           if user.contains("max_norm") {
                               return .init(key: "max_value", "give either max_norm or max_value, not both")
                           }
                           p["max_norm"] = nil
                           return nil
                       }]),
        ComponentEntry("early_stopping", "stop when validation loss has not improved for patience evaluations",
                       params: [
                           .int("patience", 3, .atLeast(1), "evaluations without improvement before stopping (Lightning's default)"),
                           .double("min_delta", 0, .nonNegative, "smallest decrease that counts as improvement"),
                       ]),
        ComponentEntry("label_smoothing", "cross-entropy against (1 - eps) one-hot + eps uniform (Szegedy et al. 2016)",
                       params: [.double("eps", 0.1, .unitOpen, "smoothing mass")]),
    ])
}
