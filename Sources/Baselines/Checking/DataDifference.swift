import Recording

/// Finds the first dataset in which a current run differs bit for bit from
/// its baseline, in the order the digest hashes them (paths sorted by UTF-8
/// bytes): `/curves/step`, each other curve by name, each series (its steps,
/// then its curves by name), then, if the baseline stores tensors, each
/// `final/` tensor by key. Wall times are never compared.
enum DataDifference {
    static func first(baseline b: RunRecord, current c: RunRecord, tensorsStored: Bool) -> FirstDifference? {
        if let d = compare("/curves/step", b.steps, c.steps, steps: b.steps) { return d }
        for name in union(b.curves.keys, c.curves.keys) where name != RunFileNames.Curve.wallTime {
            if let d = compare("/curves/\(name)", b.curves[name], c.curves[name], steps: b.steps) { return d }
        }
        for group in union(b.series.keys, c.series.keys) {
            let path = "/series/\(group)"
            guard let bs = b.series[group] else { return FirstDifference(kind: .newNow, path: path) }
            guard let cs = c.series[group] else { return FirstDifference(kind: .missingNow, path: path) }
            if let d = compare("\(path)/step", bs.steps, cs.steps, steps: bs.steps) { return d }
            for name in union(bs.curves.keys, cs.curves.keys) {
                if let d = compare("\(path)/\(name)", bs.curves[name], cs.curves[name], steps: bs.steps) { return d }
            }
        }
        if tensorsStored {
            let prefix = BaselineStore.finalTensorPrefix
            let keys = union(b.tensors.keys, c.tensors.keys.filter { $0.hasPrefix(prefix) })
            for key in keys {
                if let d = compare("/tensors/\(key)", b.tensors[key], c.tensors[key]) { return d }
            }
        }
        return nil
    }

    /// Names of both sides, sorted by UTF-8 bytes.
    static func union<S: Sequence, T: Sequence>(_ a: S, _ b: T) -> [String] where S.Element == String, T.Element == String {
        Set(a).union(b).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func compare(_ path: String, _ b: [Int64]?, _ c: [Int64]?, steps: [Int64]) -> FirstDifference? {
        compareSequences(path, b, c, steps: steps, same: ==, text: { String($0) })
    }

    private static func compare(_ path: String, _ b: [Double]?, _ c: [Double]?, steps: [Int64]) -> FirstDifference? {
        compareSequences(path, b, c, steps: steps, same: { $0.bitPattern == $1.bitPattern }, text: ValueText.exact)
    }

    private static func compareSequences<T>(_ path: String, _ b: [T]?, _ c: [T]?, steps: [Int64],
                                            same: (T, T) -> Bool, text: (T) -> String) -> FirstDifference? {
        guard let b else { return c == nil ? nil : FirstDifference(kind: .newNow, path: path) }
        guard let c else { return FirstDifference(kind: .missingNow, path: path) }
        let common = min(b.count, c.count)
        if let i = (0..<common).first(where: { !same(b[$0], c[$0]) }) {
            return FirstDifference(kind: .value, path: path, index: i, step: i < steps.count ? steps[i] : nil,
                                   baseline: text(b[i]), now: text(c[i]))
        }
        guard b.count == c.count else {
            return FirstDifference(kind: .length, path: path, index: common,
                                   step: common < steps.count ? steps[common] : nil,
                                   baseline: String(b.count), now: String(c.count))
        }
        return nil
    }

    private static func compare(_ path: String, _ b: StoredTensor?, _ c: StoredTensor?) -> FirstDifference? {
        guard let b else { return c == nil ? nil : FirstDifference(kind: .newNow, path: path) }
        guard let c else { return FirstDifference(kind: .missingNow, path: path) }
        guard b.shape == c.shape, dtype(b) == dtype(c), count(b) == count(c) else {
            return FirstDifference(kind: .layout, path: path, baseline: "\(dtype(b)) \(b.shape)",
                                   now: "\(dtype(c)) \(c.shape)")
        }
        let found: (index: Int, baseline: String, now: String)?
        switch (b.elements, c.elements) {
        case let (.float32(x), .float32(y)):
            found = x.indices.first { x[$0].bitPattern != y[$0].bitPattern }
                .map { ($0, ValueText.exact(x[$0]), ValueText.exact(y[$0])) }
        case let (.float64(x), .float64(y)):
            found = x.indices.first { x[$0].bitPattern != y[$0].bitPattern }
                .map { ($0, ValueText.exact(x[$0]), ValueText.exact(y[$0])) }
        default:
            found = nil
        }
        guard let found else { return nil }
        return FirstDifference(kind: .value, path: path, index: found.index,
                               position: position(of: found.index, in: b.shape),
                               baseline: found.baseline, now: found.now)
    }

    private static func count(_ t: StoredTensor) -> Int {
        switch t.elements {
        case .float32(let v): return v.count
        case .float64(let v): return v.count
        }
    }

    static func dtype(_ t: StoredTensor) -> String {
        switch t.elements {
        case .float32: return "float32"
        case .float64: return "float64"
        }
    }

    /// The row-major multi-index of a flat index.
    static func position(of index: Int, in shape: [Int]) -> [Int] {
        var rest = index
        var result = Array(repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() where shape[axis] > 0 {
            result[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return result
    }
}
