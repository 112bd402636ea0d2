import Support
import Yams

/// Reads the `train:` section into a `TrainConfig`.
struct TrainConfigParser {
    let reader: GridReader

    static let keys = ["steps", "epochs", "batch_size", "eval_every", "dtype", "time_limit", "max_evaluations",
                       "threads", "diagnostics"]

    /// Parses `node`. `hasData` is false for grids of test functions, which
    /// train full-batch on no data and so take neither epochs nor a batch size.
    func parse(_ node: Node, hasData: Bool) throws(GridError) -> TrainConfig {
        let path = "train"
        let entries = try reader.pairs(node, path)
        try reader.checkKeys(entries, allowed: TrainConfigParser.keys, path, what: "train key")
        var found: [String: (keyNode: Node, value: Node)] = [:]
        for e in entries { found[e.key] = (e.keyNode, e.value) }
        func int(_ key: String, _ range: ValueRange) throws(GridError) -> Int? {
            guard let v = found[key]?.value else { return nil }
            return try reader.int(v, range, "train." + key)
        }

        let length: TrainConfig.Length
        switch (try int("steps", .atLeast(1)), try int("epochs", .atLeast(1))) {
        case (_?, _?):
            let later = entries.first { $0.key == "steps" || $0.key == "epochs" }!.key == "steps" ? "epochs" : "steps"
            throw reader.fail(found[later]!.keyNode, "train." + later, "give either steps or epochs, not both")
        case let (steps?, nil): length = .steps(steps)
        case let (nil, epochs?):
            guard hasData else {
                throw reader.fail(found["epochs"]!.keyNode, "train.epochs",
                                  "test functions have no data to make epochs of; use steps")
            }
            length = .epochs(epochs)
        case (nil, nil):
            throw reader.fail(node, path, "needs steps or epochs")
        }

        var batchSize: Int?
        if let b = found["batch_size"] {
            if YAMLScalar(b.value) == .string("full") {
                batchSize = nil
            } else if case .int = YAMLScalar(b.value) {
                guard hasData else {
                    throw reader.fail(b.value, "train.batch_size",
                                      "test functions have no data to batch; leave batch_size out")
                }
                batchSize = try reader.int(b.value, .atLeast(1), "train.batch_size")
            } else {
                throw reader.fail(b.value, "train.batch_size",
                                  "expected an integer >= 1 or \"full\", got \(YAMLScalar.describe(b.value))")
            }
        } else if hasData {
            throw reader.fail(node, path, "needs batch_size (an integer >= 1, or \"full\" for full batch)")
        }

        let evalEvery = try int("eval_every", .atLeast(1)) ?? length.defaultEvalEvery
        var dtype = TrainConfig.DType.float32
        if let d = found["dtype"] {
            let v = try reader.value(d.value, .choice(TrainConfig.DType.allCases.map(\.rawValue)), "train.dtype")
            dtype = TrainConfig.DType(rawValue: v.stringValue!)!
        }
        let timeLimit = try found["time_limit"].map { e throws(GridError) in
            try reader.value(e.value, .double(.positive), "train.time_limit").doubleValue!
        }
        let diagnostics = try found["diagnostics"].map { e throws(GridError) in try self.diagnostics(e.value) }
        return TrainConfig(length: length, batchSize: batchSize, evalEvery: evalEvery, dtype: dtype,
                           timeLimit: timeLimit, maxEvaluations: try int("max_evaluations", .atLeast(1)),
                           threads: try int("threads", .atLeast(1)), diagnostics: diagnostics)
    }

    private func diagnostics(_ node: Node) throws(GridError) -> DiagnosticsConfig {
        let path = "train.diagnostics"
        let entries = try reader.pairs(node, path)
        try reader.checkKeys(entries, allowed: DiagnosticsConfig.keys, path, what: "diagnostic")
        guard let h = entries.first(where: { $0.key == "hessian" }) else { return DiagnosticsConfig(hessian: nil) }
        let hPath = path + ".hessian"
        var values: [String: ParamValue] = [:]
        if YAMLScalar(h.value) != .null {
            let given = try reader.pairs(h.value, hPath)
            try reader.checkKeys(given, allowed: HessianDiagnostics.params.map(\.name), hPath, what: "key")
            for g in given {
                let spec = HessianDiagnostics.params.first { $0.name == g.key }!
                values[g.key] = try reader.value(g.value, spec.type, hPath + "." + g.key)
            }
        }
        for p in HessianDiagnostics.params where values[p.name] == nil {
            guard case let .value(v) = p.defaultValue else { preconditionFailure() }
            values[p.name] = v
        }
        return DiagnosticsConfig(hessian: HessianDiagnostics(values))
    }
}

private extension TrainConfig.Length {
    /// `max(1, steps / 20)` when the step count is known; epochs wait for the data size.
    var defaultEvalEvery: Int? {
        if case let .steps(n) = self { return TrainConfig.defaultEvalEvery(steps: n) }
        return nil
    }
}
