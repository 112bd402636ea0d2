import Support
import Foundation
import Yams

/// Reads the `exclude:` list into rules.
///
/// Keys: `dataset`, `model`, `optimizer`, `regularizer` (names, canonical
/// names such as `sgd(lr=0.1)`, or for regularizers `a+b` meaning both), and
/// `seed`. A list as a value means any of its items.
struct ExcludeParser {
    let reader: GridReader

    static let keys = ["dataset", "model", "optimizer", "regularizer", "seed"]

    func parse(_ node: Node) throws(GridError) -> [ExcludeRule] {
        guard let items = node.sequence else {
            if YAMLScalar(node) == .null { return [] }
            throw reader.fail(node, "exclude", "expected a list of {key: name} entries, got \(YAMLScalar.describe(node))")
        }
        var rules: [ExcludeRule] = []
        for (i, item) in items.enumerated() {
            let path = "exclude[\(i)]"
            let entries = try reader.pairs(item, path, expected: "a mapping like {optimizer: lbfgs, regularizer: dropout}")
            guard !entries.isEmpty else { throw reader.fail(item, path, "an empty entry would exclude every cell") }
            try reader.checkKeys(entries, allowed: ExcludeParser.keys, path, what: "exclude key")
            var rule = ExcludeRule()
            for e in entries {
                let keyPath = path + "." + e.key
                switch e.key {
                case "seed":
                    rule.seeds = try alternatives(e.value, keyPath).map { n, p throws(GridError) in
                        try reader.int(n, .nonNegative, p)
                    }
                case "regularizer":
                    rule.regularizers = try alternatives(e.value, keyPath).map { n, p throws(GridError) in
                        let text = try reader.string(n, p)
                        if text == "none" { return [] }
                        var parts: [ComponentPattern] = []
                        for part in text.split(separator: "+") { parts.append(try pattern(String(part), .regularizer, n, p)) }
                        return parts
                    }
                default:
                    let axis = GridAxis(rawValue: e.key)!
                    let patterns = try alternatives(e.value, keyPath).map { n, p throws(GridError) in
                        try pattern(try reader.string(n, p), axis, n, p)
                    }
                    switch axis {
                    case .dataset: rule.datasets = patterns
                    case .model: rule.models = patterns
                    case .optimizer: rule.optimizers = patterns
                    case .regularizer: preconditionFailure()
                    }
                }
            }
            rules.append(rule)
        }
        return rules
    }

    /// The value's items with their key paths: a list, or the single value.
    private func alternatives(_ node: Node, _ keyPath: String) throws(GridError) -> [(Node, String)] {
        guard let items = node.sequence else { return [(node, keyPath)] }
        guard !items.isEmpty else { throw reader.fail(node, keyPath, "an empty list matches nothing") }
        return items.enumerated().map { ($0.element, keyPath + "[\($0.offset)]") }
    }

    private func pattern(_ text: String, _ axis: GridAxis, _ node: Node, _ keyPath: String)
        throws(GridError) -> ComponentPattern {
        switch ComponentPattern.parse(text, in: reader.catalogs[axis]) {
        case let .success(p): return p
        case let .failure(e): throw reader.fail(node, keyPath, e.message)
        }
    }
}
