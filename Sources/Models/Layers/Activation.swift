import Engine

/// Elementwise hidden-layer nonlinearity named by a model's `activation` parameter.
public enum Activation: String, Sendable, CaseIterable {
    case relu, tanh, sigmoid, gelu

    public func callAsFunction<S: Scalar>(_ x: Variable<S>) -> Variable<S> {
        switch self {
        case .relu: return x.relu()
        case .tanh: return x.tanh()
        case .sigmoid: return x.sigmoid()
        case .gelu: return x.gelu()
        }
    }
}
