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

    /// Reads one value of a declared parameter type (no sub-axis here).
    func value(_ node: Node, _ type: ParamType, _ keyPath: String) throws(GridError) -> ParamValue {
        let scalar = YAMLScalar(node)
        if scalar == .null { throw fail(node, keyPath, "missing value; expected \(type.summary)") }
        switch type {
        case let .double(range):
            let v: Double
            switch scalar {
            case let .double(d): v = d
            case let .int(i?): v = Double(i)
            case .int(nil): throw fail(node, keyPath, "number too large: \(YAMLScalar.describe(node))")
            default: throw fail(node, keyPath, "expected a number, got \(YAMLScalar.describe(node))")
            }
            guard v.isFinite else { throw fail(node, keyPath, "must be a finite number, got \(YAMLScalar.describe(node))") }
            guard range.contains(v) else { throw fail(node, keyPath, "must be \(range), got \(YAMLScalar.describe(node))") }
            return .double(v == 0 ? 0 : v)
        case let .int(range):
            return .int(try int(node, range, keyPath))
        case .bool:
            guard case let .bool(b) = scalar else {
                throw fail(node, keyPath, "expected true or false, got \(YAMLScalar.describe(node))")
            }
            return .bool(b)
        case let .choice(values):
            guard let text = node.scalar?.string, values.contains(text) else {
                let got = YAMLScalar.describe(node)
                let near = node.scalar.flatMap { NearestName.nearest(to: $0.string, in: values) }
                throw fail(node, keyPath, "expected one of \(values.joined(separator: ", ")), got \(got)"
                           + (near.map { "; did you mean '\($0)'?" } ?? ""))
            }
            return .string(text)
        case let .intList(range):
            if node.scalar != nil { return .intList([try int(node, range, keyPath)]) }
            guard let items = node.sequence else {
                throw fail(node, keyPath, "expected \(type.summary), got \(YAMLScalar.describe(node))")
            }
            guard !items.isEmpty else { throw fail(node, keyPath, "must not be empty") }
            var list: [Int] = []
            for (i, item) in items.enumerated() { list.append(try int(item, range, keyPath + "[\(i)]")) }
            return .intList(list)
        case .path:
            guard let text = node.scalar?.string, !text.isEmpty else {
                throw fail(node, keyPath, "expected a file path, got \(YAMLScalar.describe(node))")
            }
            return .string(text)
        }
    }

    /// Reads an integer in `range`.
    func int(_ node: Node, _ range: ValueRange, _ keyPath: String) throws(GridError) -> Int {
        switch YAMLScalar(node) {
        case let .int(i?):
            guard range.contains(Double(i)) else {
                throw fail(node, keyPath, "must be \(range), got \(YAMLScalar.describe(node))")
            }
            return i
        case .int(nil): throw fail(node, keyPath, "integer too large: \(YAMLScalar.describe(node))")
        case .null: throw fail(node, keyPath, "missing value; expected an integer")
        default: throw fail(node, keyPath, "expected an integer, got \(YAMLScalar.describe(node))")
        }
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
