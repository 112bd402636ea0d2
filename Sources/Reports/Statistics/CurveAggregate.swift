/// One point of a curve aggregated over seeds.
struct AggregatePoint: Sendable, Equatable {
    /// Mean x coordinate over the runs that contribute (the step itself on the step axis).
    let x: Double
    let mean: Double
    let min: Double
    let max: Double
    /// Number of runs that contribute.
    let count: Int
}

/// Aggregates the curves of several runs (usually the seeds of one configuration).
///
/// Points are matched by recorded step (the evaluation steps, or a series' own
/// steps when `steps` gives them). At each step of the union of the runs'
/// steps, the runs whose x and y are finite (and y positive, on a log scale)
/// contribute: y gives mean, min and max, and x is the mean of their x values.
/// On the step axis that is the step; on the evaluation and wall-time axes it
/// places the mean curve at the mean cost of reaching that step. Runs are
/// summed in the order given, so callers pass them sorted.
enum CurveAggregate {
    static func aggregate(_ runs: [RunView], steps: (RunView) -> [Int64]? = { $0.record.steps },
                          x: (RunView) -> [Double]?, y: (RunView) -> [Double]?,
                          positiveOnly: Bool) -> [AggregatePoint] {
        var order: [Int64] = []
        var acc: [Int64: (sx: Double, sy: Double, lo: Double, hi: Double, n: Int)] = [:]
        for run in runs {
            guard let st = steps(run), let xs = x(run), let ys = y(run), xs.count == st.count,
                  ys.count == st.count else { continue }
            for (i, step) in st.enumerated() {
                let xv = xs[i], yv = ys[i]
                guard xv.isFinite, yv.isFinite, !positiveOnly || yv > 0 else { continue }
                if var a = acc[step] {
                    a.sx += xv; a.sy += yv; a.lo = Swift.min(a.lo, yv); a.hi = Swift.max(a.hi, yv); a.n += 1
                    acc[step] = a
                } else {
                    acc[step] = (xv, yv, yv, yv, 1)
                    order.append(step)
                }
            }
        }
        return order.sorted().map { step in
            let a = acc[step]!
            return AggregatePoint(x: a.sx / Double(a.n), mean: a.sy / Double(a.n), min: a.lo, max: a.hi, count: a.n)
        }
    }
}
