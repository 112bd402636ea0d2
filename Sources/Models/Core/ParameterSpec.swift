import Engine

/// A trainable parameter of a model: a stable dotted name (e.g. `encoder.0.attn.wq`),
/// its shape, how it is initialized, and whether it is a weight (penalized by L2/L1
/// by default) or a bias/normalization gain.
public struct ParameterSpec: Sendable, Equatable {
    public enum Role: String, Sendable { case weight, bias, gain, embedding, point }
    public var name: String
    public var shape: [Int]
    public var role: Role
    public var initializer: Initializer

    public init(name: String, shape: [Int], role: Role, initializer: Initializer) {
        self.name = name; self.shape = shape; self.role = role; self.initializer = initializer
    }

    public var count: Int { shape.reduce(1, *) }
}

/// Parameter initialization schemes. Draws come from
/// `RandomStream(seed: seed, purpose: "init/" + name)`, so adding a parameter never
/// changes another parameter's initial values.
public enum Initializer: Sendable, Equatable {
    /// Uniform in [-bound, bound].
    case uniform(bound: Double)
    /// Normal with mean 0 and the given standard deviation.
    case normal(std: Double)
    case zeros
    case ones
    /// Fixed values (analytic test functions' standard starting points).
    case values([Double])

    /// Draws `count` initial values for the parameter `name`.
    public func draw(count: Int, name: String, seed: UInt64) -> [Double] {
        var rng = RandomStream(seed: seed, purpose: "init/" + name)
        switch self {
        case .uniform(let b): return (0..<count).map { _ in rng.uniform(-b, b) }
        case .normal(let s): return (0..<count).map { _ in s * rng.normal() }
        case .zeros: return [Double](repeating: 0, count: count)
        case .ones: return [Double](repeating: 1, count: count)
        case .values(let v):
            precondition(v.count == count, "initial values for \(name): \(v.count) given, \(count) needed")
            return v
        }
    }
}
