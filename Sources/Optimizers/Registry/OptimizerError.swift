import Support

/// A user-input error about an optimizer: unknown names, wrong types, out-of-range or
/// inconsistent hyperparameters, a model too large for a dense method, or a model
/// that lacks Hessian-vector products. Each message names the parameter and value
/// and, for names, the nearest valid one.
public enum OptimizerError: Error, Equatable, CustomStringConvertible {
    case unknownOptimizer(name: String, suggestion: String?)
    /// A parameter is unknown, of the wrong type, out of range or breaks a rule of the declaration.
    case parameter(ParamError)
    case inconsistent(optimizer: String, message: String)
    case modelTooLarge(optimizer: String, dimension: Int, requiredBytes: Int, limitBytes: Int, alternative: String)
    case hessianVectorProductsUnavailable(optimizer: String)

    public var description: String {
        func hint(_ s: String?) -> String { s.map { "; did you mean '\($0)'?" } ?? "" }
        switch self {
        case let .unknownOptimizer(name, suggestion):
            return "unknown optimizer '\(name)'\(hint(suggestion))"
        case let .parameter(error):
            return "\(error.component): " + (error.key.map { "parameter '\($0)' " } ?? "") + error.message
        case let .inconsistent(optimizer, message):
            return "\(optimizer): \(message)"
        case let .modelTooLarge(optimizer, dimension, required, limit, alternative):
            let mib = { (b: Int) in "\((Double(b) / 1_048_576 * 10).rounded() / 10)" }
            return "\(optimizer): a dense \(dimension) x \(dimension) matrix needs \(mib(required)) MiB, "
                + "over max_memory_mb = \(mib(limit)); use '\(alternative)' (limited memory) for a model with \(dimension) parameters"
        case let .hessianVectorProductsUnavailable(optimizer):
            return "\(optimizer): needs exact Hessian-vector products, which this objective does not provide"
        }
    }
}
