import Support
import Foundation
import Yams

/// Reads typed values out of a composed YAML tree and turns every problem
/// into a `GridError` at the offending node's line and column.
struct GridReader {
    /// The grid file's path as given by the caller (used in messages).
    let file: String
    /// The folder that relative paths in the grid resolve against.
    let baseDirectory: String
    /// What the grid may name, with every parameter's declaration.
    let catalogs: ComponentCatalogs

    /// An error located at `node` (or at the file's start when it has no mark).
    func fail(_ node: Node?, _ keyPath: String, _ message: String) -> GridError {
        let mark = node?.mark
        return GridError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, keyPath: keyPath,
                         message: message)
    }

    /// A mapping's entries in file order, with keys as strings.
    func pairs(_ node: Node, _ keyPath: String, expected: String = "a mapping") throws(GridError)
        -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            throw fail(node, keyPath, "expected \(expected), got \(YAMLScalar.describe(node))")
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (k, v) in mapping {
            guard let key = k.scalar?.string else {
                throw fail(k, keyPath, "keys must be plain names, got \(YAMLScalar.describe(k))")
            }
            out.append((key, k, v))
        }
        return out
    }

    /// Rejects keys outside `allowed`, suggesting the nearest known key.
    func checkKeys(_ entries: [(key: String, keyNode: Node, value: Node)], allowed: [String], _ keyPath: String,
                   what: String) throws(GridError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw fail(entry.keyNode, join(keyPath, entry.key),
                       "unknown \(what) '\(entry.key)'" + NearestName.hint(for: entry.key, in: allowed))
        }
    }

    /// A key path extended by a map key.
    func join(_ keyPath: String, _ key: String) -> String {
        keyPath.isEmpty ? key : keyPath + "." + key
    }

    /// Reads one value of a declared parameter (no sub-axis here), checked by
    /// the declaration's own type check: the one the component runs too.
    func value(_ node: Node, _ type: ParamType, _ keyPath: String) throws(GridError) -> ParamValue {
        switch type.check(try rawValue(node, type, keyPath)) {
        case let .success(v): return v
        case let .failure(f):
            guard case let .choice(values) = type else { throw fail(node, keyPath, f.message) }
            // Quote the value as written, which may look like another type (`"1"`).
            let near = node.scalar.flatMap { NearestName.nearest(to: $0.string, in: values) }
            throw fail(node, keyPath, "expected one of \(values.joined(separator: ", ")), got \(YAMLScalar.describe(node))"
                       + (near.map { "; did you mean '\($0)'?" } ?? ""))
        }
    }

    /// What a value of `type` is, for "expected ..." messages.
    private static func noun(_ type: ParamType) -> String {
        switch type {
        case .double: return "a number"
        case .int: return "an integer"
        case .bool: return "true or false"
        default: return type.summary
        }
    }

    /// The YAML value as written, before the declaration checks it: numbers,
    /// booleans and lists by their YAML type; choices and paths as plain text.
    private func rawValue(_ node: Node, _ type: ParamType, _ keyPath: String) throws(GridError) -> ParamValue {
        let scalar = YAMLScalar(node)
        if scalar == .null { throw fail(node, keyPath, "missing value; expected \(type.summary)") }
        switch type {
        case .choice, .path:
            guard let text = node.scalar?.string else {
                throw fail(node, keyPath, "expected \(type.summary), got \(YAMLScalar.describe(node))")
            }
            return .string(text)
        case .intList where node.sequence != nil:
            var list: [Int] = []
            for (i, item) in node.sequence!.enumerated() { list.append(try int(item, .any, keyPath + "[\(i)]")) }
            return .intList(list)
        default:
            switch scalar {
            case let .double(d): return .double(d)
            case let .int(i?):
                try requireDecimal(node, keyPath)
                return .int(i)
            case .int(nil): throw fail(node, keyPath, "number too large: \(YAMLScalar.describe(node))")
            case let .bool(b): return .bool(b)
            default: throw fail(node, keyPath, "expected \(Self.noun(type)), got \(YAMLScalar.describe(node))")
            }
        }
    }

    /// Reads an integer in `range`.
    func int(_ node: Node, _ range: ValueRange, _ keyPath: String) throws(GridError) -> Int {
        switch YAMLScalar(node) {
        case let .int(i?):
            try requireDecimal(node, keyPath)
            guard range.contains(Double(i)) else {
                throw fail(node, keyPath, "must be \(range), got \(YAMLScalar.describe(node))")
            }
            return i
        case .int(nil): throw fail(node, keyPath, "integer too large: \(YAMLScalar.describe(node))")
        case .null: throw fail(node, keyPath, "missing value; expected an integer")
        default: throw fail(node, keyPath, "expected an integer, got \(YAMLScalar.describe(node))")
        }
    }

    /// Rejects integers written with a leading zero: YAML 1.1 reads `010` as
    /// octal 8, which is never what a grid means.
    private func requireDecimal(_ node: Node, _ keyPath: String) throws(GridError) {
        guard let text = node.scalar?.string else { return }
        let digits = text.drop { $0 == "+" || $0 == "-" }
        guard digits.count > 1, digits.first == "0", digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }) else {
            return
        }
        let decimal = digits.drop { $0 == "0" || $0 == "_" }
        throw fail(node, keyPath, "integer \(text) has a leading zero, which YAML reads as octal; write \(decimal.isEmpty ? "0" : String(decimal))")
    }

    /// Reads a non-empty string scalar (names, descriptions).
    func string(_ node: Node, _ keyPath: String) throws(GridError) -> String {
        guard let scalar = node.scalar, YAMLScalar(node) != .null, !scalar.string.isEmpty else {
            throw fail(node, keyPath, "expected a string, got \(YAMLScalar.describe(node))")
        }
        return scalar.string
    }

    /// An absolute, standardized path: relative paths resolve against the
    /// grid file's folder.
    func resolvePath(_ text: String) -> String {
        let url = text.hasPrefix("/") ? URL(fileURLWithPath: text)
            : URL(fileURLWithPath: baseDirectory, isDirectory: true).appendingPathComponent(text)
        return url.standardizedFileURL.path
    }
}
