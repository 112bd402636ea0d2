import Support

/// `none`: trains the plain objective. It takes no parameters and has no hooks.
public struct NoRegularizer: Regularizer {
    public static let id = "none"
    public static let rules: [ParameterRule] = []
    public let params = Params()
    public init(resolved: Params) {}
}
