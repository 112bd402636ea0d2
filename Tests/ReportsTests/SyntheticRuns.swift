import Foundation
import Recording

/// Builds small, deterministic `RunRecord`s in the run-file vocabulary.
enum SyntheticRuns {
    /// Canonical short name, e.g. `sgd(lr=0.1, momentum=0.9)`.
    static func canonical(_ id: String, _ params: [String: Double]) -> String {
        params.isEmpty ? id : "\(id)(" + params.keys.sorted().map { "\($0)=\(params[$0]!)" }.joined(separator: ", ") + ")"
    }

    /// Canonical JSON of numeric parameters, keys sorted.
    static func json(_ params: [String: Double]) -> String {
        "{" + params.keys.sorted().map { "\"\($0)\":\(params[$0]!)" }.joined(separator: ",") + "}"
    }

    /// A classification run whose losses decay like `exp(-rate * i)`.
    static func learning(model: String = "mlp(hidden=[16])", dataset: String = "digits",
                         optimizerID: String = "adam", params: [String: Double] = ["lr": 0.001],
                         regularizer: String = "none", seed: Int64 = 0, status: String = "completed",
                         points: Int = 11, every: Int64 = 10, rate: Double = 0.3,
                         quasiNewton: Bool = false) -> RunRecord {
        let steps = (0..<points).map { Int64($0) * every }
        let offset = 0.01 * Double(seed)
        let decay = (0..<points).map { exp(-rate * Double($0)) }
        var curves: [String: [Double]] = [
            "train_loss": decay.map { 2.3 * $0 + 0.05 + offset },
            "val_loss": decay.map { 2.3 * $0 + 0.1 + offset },
            "val_accuracy": decay.map { 0.95 - 0.85 * $0 - offset },
            "evals": steps.map { Double($0) * (quasiNewton ? 3 : 2) },
            "grad_norm": decay,
        ]
        if quasiNewton {
            curves["skipped_updates"] = (0..<points).map { Double($0 / 3) }
            curves["line_search_evals"] = steps.map { Double($0) * 1.5 + Double(seed) }
        }
        let attributes: [String: AttributeValue] = [
            "run_id": .string("run-\(optimizerID)-\(json(params))-\(regularizer)-\(seed)-\(model)-\(dataset)"),
            "grid": .string("synthetic"), "dataset": .string(dataset), "model": .string(model),
            "optimizer": .string(canonical(optimizerID, params)), "optimizer_id": .string(optimizerID),
            "optimizer_family": .string(family(optimizerID)),
            "optimizer_params": .string(json(params)), "regularizer": .string(regularizer),
            "regularizer_id": .string(regularizer), "seed": .int(seed), "status": .string(status),
            "engine_version": .string("0.1.0"), "stochastic": .string("true"),
        ]
        return RunRecord(attributes: attributes, steps: steps, curves: curves,
                         wallTime: (0..<points).map { 0.02 * Double($0) * (1 + 0.1 * Double(seed)) })
    }

    /// The family a run file records for the optimizers these fixtures use.
    static func family(_ optimizerID: String) -> String {
        switch optimizerID {
        case "bfgs", "dfp", "sr1", "lsr1", "lbfgs": return "quasi_newton"
        case "newton_cg": return "second_order"
        default: return "first_order"
        }
    }

    /// A test-function run: `f - f*` falls geometrically by `factor` per point.
    static func analyticRun(model: String = "rosenbrock", optimizerID: String = "lbfgs",
                             params: [String: Double] = ["history": 10], seed: Int64 = 0,
                             points: Int = 12, factor: Double = 0.1, start: Double = 24.2) -> RunRecord {
        let steps = (0..<points).map { Int64($0) }
        let gap = (0..<points).map { start * pow(factor, Double($0)) }
        let attributes: [String: AttributeValue] = [
            "run_id": .string("run-\(model)-\(optimizerID)-\(seed)"), "model": .string(model),
            "optimizer": .string(canonical(optimizerID, params)), "optimizer_id": .string(optimizerID),
            "optimizer_family": .string(family(optimizerID)),
            "optimizer_params": .string(json(params)), "regularizer": .string("none"), "seed": .int(seed),
            "status": .string("completed"), "f_star": .double(0), "stochastic": .string("false"),
        ]
        return RunRecord(attributes: attributes, steps: steps,
                         curves: ["train_loss": gap, "f_minus_fstar": gap,
                                  "evals": steps.map { Double($0) * 4 + 1 },
                                  "line_search_evals": steps.map { Double($0) * 2 }],
                         wallTime: steps.map { 0.001 * Double($0) })
    }

    /// `record` with a `hessian` series measured every `every` steps over its
    /// evaluation steps: the largest eigenvalue rises from `start` towards
    /// `plateau` (`plateau - (plateau - start) * exp(-k / 2)` at the k-th
    /// measurement, scaled by `1 + 0.02 * seed`), the second and third are 1/2 and
    /// 1/4 of it, the trace is `10 * eig1` and its standard error `2 + 2 * k`.
    /// With `density`, a `hessian_density` series holds, at every measurement,
    /// eight bulk nodes spread evenly over [-0.5, 0.5] of weight 0.124 each and
    /// the three top eigenvalues of weight 0.002 each (weights sum to 1).
    static func withHessian(_ record: RunRecord, every: Int64 = 20, start: Double = 2, plateau: Double = 18,
                            density: Bool = false) -> RunRecord {
        var r = record
        let seed = Double(r.int("seed") ?? 0)
        let steps = r.steps.filter { $0 % every == 0 }
        var eig1: [Double] = []
        for k in steps.indices {
            eig1.append((plateau - (plateau - start) * exp(-Double(k) / 2)) * (1 + 0.02 * seed))
        }
        r.series["hessian"] = Series(steps: steps, curves: [
            "hessian_top_eig_1": eig1,
            "hessian_top_eig_2": eig1.map { $0 / 2 },
            "hessian_top_eig_3": eig1.map { $0 / 4 },
            "hessian_trace": eig1.map { 10 * $0 },
            "hessian_trace_stderr": steps.indices.map { 2 + 2 * Double($0) },
        ])
        if density {
            var d = Series()
            for (k, step) in steps.enumerated() {
                let bulk = (0..<8).map { -0.5 + Double($0) / 7 }
                let nodes = bulk + [eig1[k] / 4, eig1[k] / 2, eig1[k]]
                d.steps += [Int64](repeating: step, count: nodes.count)
                d.curves["node", default: []] += nodes
                d.curves["weight", default: []] += [Double](repeating: 0.124, count: 8) + [0.002, 0.002, 0.002]
            }
            r.series["hessian_density"] = d
        }
        return r
    }

    /// A run whose `val_loss` and `train_loss` are exactly `values` (one step each).
    static func withFinals(_ values: [Double], optimizerID: String = "sgd", params: [String: Double] = ["lr": 0.1],
                           regularizer: String = "none", seed: Int64) -> RunRecord {
        var r = learning(optimizerID: optimizerID, params: params, regularizer: regularizer, seed: seed,
                         points: values.count)
        r.curves["val_loss"] = values
        r.curves["train_loss"] = values
        return r
    }
}

/// A fresh temporary folder (kept under REPORTS_TEST_OUTPUT when that is set, for inspection).
func temporaryFolder(_ name: String) -> URL {
    let base = ProcessInfo.processInfo.environment["REPORTS_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("reports-tests-\(UUID().uuidString)")
    let url = base.appendingPathComponent(name, isDirectory: true)
    try? FileManager.default.removeItem(at: url)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
