import Diagnostics
import Recording
import GridLanguage

/// Curvature measurements collected during a run, in the shape the run file stores
/// them: one row of estimates per measurement step, and the spectral-density nodes
/// and weights (one row per node, tagged with its step).
struct CurvatureLog {
    private(set) var estimates = Series()
    private(set) var density = Series()
    /// Hessian-vector products the measurements used (never counted as optimizer work).
    private(set) var hessianVectorProducts = 0
    /// Seconds spent measuring; they are left out of the curves' wall time.
    var seconds = 0.0

    /// Appends the estimates measured at `step`.
    mutating func append(_ e: HessianEstimates, step: Int) {
        hessianVectorProducts += e.hessianVectorProducts
        estimates.steps.append(Int64(step))
        for (k, v) in e.curveValues { estimates.curves[k, default: []].append(v) }
        if let d = e.density {
            density.steps.append(contentsOf: [Int64](repeating: Int64(step), count: d.nodes.count))
            density.curves["node", default: []].append(contentsOf: d.nodes)
            density.curves["weight", default: []].append(contentsOf: d.weights)
        }
    }
}
