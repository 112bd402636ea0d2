import Models

/// The model check shared by `batchnorm` and `layernorm`: the model must have
/// normalization slots (analytic test functions never do).
enum NormalizationSlots {
    static func validate(_ model: any Model, regularizer: String) throws(RegularizerError) {
        if case .objective = model.output {
            throw .unsupportedModel(regularizer: regularizer, model: model.name,
                                    reason: "an analytic test function has no layers to normalize")
        }
        guard model.supportsNormalization else {
            throw .unsupportedModel(regularizer: regularizer, model: model.name,
                                    reason: "the model has no normalization slots")
        }
    }
}
