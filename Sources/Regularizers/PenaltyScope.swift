import Engine
import Models

/// Which parameters a weight penalty or weight decay touches.
///
/// Weights, embeddings and the points of analytic test functions are always
/// included. Biases and normalization gains are left out unless `includeBias` is
/// set, following the common practice of not decaying shift and scale parameters
/// (they do not grow with overfitting; e.g. Goodfellow, Bengio and Courville,
/// Deep Learning, 2016, section 7.1).
struct PenaltyScope: Sendable, Equatable {
    let includeBias: Bool

    func includes(_ role: ParameterSpec.Role) -> Bool {
        switch role {
        case .weight, .embedding, .point: return true
        case .bias, .gain: return includeBias
        }
    }

    /// Sum over included, non-empty parameters of `term(parameter)`, in spec order;
    /// nil when no parameter is included.
    func sum<S: Scalar>(_ parameters: [Variable<S>], specs: [ParameterSpec],
                        _ term: (Variable<S>) -> Variable<S>) -> Variable<S>? {
        precondition(parameters.count == specs.count, "\(parameters.count) parameters for \(specs.count) specs")
        var total: Variable<S>? = nil
        for (p, spec) in zip(parameters, specs) where includes(spec.role) && p.value.count > 0 {
            let t = term(p)
            total = total.map { $0 + t } ?? t
        }
        return total
    }

    /// Calls `body` with the flat index range of every included parameter.
    func forEachRange(in layout: ParameterLayout, _ body: (Range<Int>) -> Void) {
        for i in layout.specs.indices where includes(layout.specs[i].role) { body(layout.range(of: i)) }
    }
}
