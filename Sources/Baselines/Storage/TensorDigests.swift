import Recording

/// Per-tensor digests kept in a baseline, so an exact check can name the
/// tensor that changed even when the tensors themselves are not stored.
///
/// Each run's attributes gain `digest:/tensors/<key>` for every tensor,
/// initial and final (`RunDigest.datasetDigests`). Curves need no digests:
/// the baseline stores them whole. Baselines stored before these existed
/// have none, and checks against them fall back to the run digest alone.
enum TensorDigests {
    /// The attribute-name prefix of a tensor digest.
    static let prefix = "digest:/tensors/"

    /// The digest attributes of every tensor of `record`.
    static func attributes(_ record: RunRecord) -> [String: AttributeValue] {
        var out: [String: AttributeValue] = [:]
        for (path, digest) in RunDigest.datasetDigests(record) where path.hasPrefix("/tensors/") {
            out["digest:" + path] = .string(digest)
        }
        return out
    }

    /// The first tensor, in digest order, whose digest in the baseline run
    /// differs from the current run's; nil when they agree or the baseline holds none.
    static func firstDifference(baseline b: RunRecord, current c: RunRecord) -> FirstDifference? {
        let stored = b.attributes.compactMapValues { value -> String? in
            if case .string(let s) = value { return s }
            return nil
        }.filter { $0.key.hasPrefix(prefix) }
        guard !stored.isEmpty else { return nil }
        var now: [String: String] = [:]
        for (name, value) in attributes(c) { if case .string(let s) = value { now[name] = s } }
        for name in DataDifference.union(stored.keys, now.keys) {
            let path = String(name.dropFirst("digest:".count))
            switch (stored[name], now[name]) {
            case (nil, _): return FirstDifference(kind: .newNow, path: path)
            case (_, nil): return FirstDifference(kind: .missingNow, path: path)
            case let (b?, c?) where b != c:
                return FirstDifference(kind: .digestOnly, path: path, baseline: "digest " + b.prefix(12),
                                       now: "digest " + c.prefix(12))
            default: continue
            }
        }
        return nil
    }
}
