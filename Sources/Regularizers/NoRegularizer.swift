import Support

/// `none`: trains the plain objective. It takes no parameters and has no hooks.
public struct NoRegularizer: Regularizer {
    public static let id = "none"
    /// The one declaration: parameters with defaults and bounds, in canonical order.
    public static let declaration = ComponentDeclaration(id, "no regularization", traits: [.appliesToTestFunctions])
    public let params = Params()
    public init(resolved: Params) {}
}
