import Support
import Recording

/// The Hessian spectral-density estimate of one run at one measured step:
/// quadrature nodes (Ritz values) and their weights (which sum to 1).
struct DensitySnapshot: Sendable, Equatable {
    let step: Int64
    let nodes: [Double]
    let weights: [Double]
}

/// Curvature diagnostics of a run as reports read them: the `hessian` series
/// (top eigenvalues, Hutchinson trace and its standard error at the series'
/// own steps) and the `hessian_density` series (flattened rows: the step
/// repeated once per quadrature node, with curves `node` and `weight`).
extension RunView {
    /// Name of the series with top eigenvalues and the trace.
    static let hessianSeries = "hessian"
    /// Name of the series with the spectral density's nodes and weights.
    static let densitySeries = "hessian_density"

    /// The steps of the `hessian` series, when it holds any.
    var hessianSteps: [Int64]? {
        guard let s = record.series[Self.hessianSeries], !s.steps.isEmpty else { return nil }
        return s.steps
    }

    /// Curve `name` of the `hessian` series when it is as long as the series' steps.
    func hessianCurve(_ name: String) -> [Double]? {
        guard let s = record.series[Self.hessianSeries], !s.steps.isEmpty,
              let c = s.curves[name], c.count == s.steps.count else { return nil }
        return c
    }

    /// The `lr` entry of `optimizer_params` when positive and finite.
    var learningRate: Double? {
        guard case .number(let lr)? = optimizerParams["lr"], lr.isFinite, lr > 0 else { return nil }
        return lr
    }

    /// `2/lr` for first-order optimizers, whose step is `lr` times a (possibly
    /// preconditioned) gradient direction, so that `2/lr` is their stability
    /// threshold on a quadratic (Cohen et al., "Gradient descent on neural
    /// networks typically occurs at the edge of stability", ICLR 2021); else `nil`.
    var stabilityThreshold: Double? {
        guard optimizerFamily == .firstOrder, let lr = learningRate else { return nil }
        return 2 / lr
    }

    /// The density at each measured step, in step order; rows with a non-finite
    /// node or weight are left out, and steps left without rows are dropped.
    var densitySnapshots: [DensitySnapshot] {
        guard let s = record.series[Self.densitySeries], let nodes = s.curves["node"], let weights = s.curves["weight"],
              nodes.count == s.steps.count, weights.count == s.steps.count else { return [] }
        var order: [Int64] = []
        var rows: [Int64: (nodes: [Double], weights: [Double])] = [:]
        for (i, step) in s.steps.enumerated() where nodes[i].isFinite && weights[i].isFinite {
            if rows[step] == nil { order.append(step) }
            rows[step, default: ([], [])].nodes.append(nodes[i])
            rows[step, default: ([], [])].weights.append(weights[i])
        }
        return order.sorted().map { DensitySnapshot(step: $0, nodes: rows[$0]!.nodes, weights: rows[$0]!.weights) }
    }
}
