/// Performance profiles (Dolan and Moré, "Benchmarking optimization software
/// with performance profiles", Math. Programming 91, 2002).
///
/// For costs `t[p][s] > 0` of solver s on problem p (`nil` = never reached),
/// the ratio is `r[p][s] = t[p][s] / min_s t[p][s]` (infinite for a miss or
/// when no solver solved p), and the profile of s is
/// `rho_s(tau) = |{p : r[p][s] <= tau}| / (number of problems)`.
struct PerformanceProfile: Sendable, Equatable {
    /// For each solver, its finite ratios sorted ascending.
    let ratios: [[Double]]
    let problemCount: Int

    /// Builds the profile of `costs[p][s]`; every row has one entry per solver.
    init(costs: [[Double?]]) {
        let solverCount = costs.first?.count ?? 0
        precondition(costs.allSatisfy { $0.count == solverCount }, "ragged cost matrix")
        var ratios = [[Double]](repeating: [], count: solverCount)
        for row in costs {
            guard let best = row.compactMap({ $0 }).min() else { continue }
            precondition(best > 0, "costs must be positive")
            for (s, t) in row.enumerated() { if let t { ratios[s].append(t / best) } }
        }
        self.ratios = ratios.map { $0.sorted() }
        problemCount = costs.count
    }

    /// rho_s(tau) for solver s.
    func fraction(solver s: Int, tau: Double) -> Double {
        guard problemCount > 0 else { return 0 }
        return Double(ratios[s].filter { $0 <= tau }.count) / Double(problemCount)
    }

    /// Right end of the tau axis: twice the largest finite ratio, at least 2.
    var tauMax: Double { max(2, 2 * (ratios.compactMap { $0.last }.max() ?? 1)) }

    /// The corners of solver s's step function from tau = 1 to `tauMax`, for
    /// gnuplot's `with steps` (constant to the right of each point).
    func steps(solver s: Int) -> [(tau: Double, rho: Double)] {
        var points = [(tau: 1.0, rho: fraction(solver: s, tau: 1))]
        for r in Set(ratios[s]).sorted() where r > 1 {
            points.append((r, fraction(solver: s, tau: r)))
        }
        points.append((tauMax, fraction(solver: s, tau: tauMax)))
        return points
    }
}
