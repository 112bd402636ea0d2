import Support
import Foundation
import Yams

/// Parses the entries of one axis (`datasets`, `models`, `optimizers`,
/// `regularizers`) against its catalog and expands sub-axes.
///
/// An entry is a bare name or `{name: {params}}`. A list as a parameter value
/// is a sub-axis: one choice per value, cartesian across parameters. For
/// list-typed parameters (mlp `hidden`, cnn `widths`) a list of lists is the
/// sub-axis. A regularizer entry with several keys applies them together.
struct ComponentParser {
    let reader: GridReader
    let catalog: ComponentCatalog

    private var axis: GridAxis { catalog.axis }

    /// All choices of the axis at `node`, in file order.
    func axisChoices(_ node: Node, _ keyPath: String) throws(GridError) -> [AxisChoice] {
        var choices: [AxisChoice] = []
        if let items = node.sequence {
            guard !items.isEmpty else { throw reader.fail(node, keyPath, "needs at least one \(axis)") }
            for (i, item) in items.enumerated() {
                let path = keyPath + "[\(i)]"
                for combo in try entry(item, path) { choices.append(AxisChoice(specs: combo, keyPath: path, node: item)) }
            }
        } else {
            for combo in try entry(node, keyPath) { choices.append(AxisChoice(specs: combo, keyPath: keyPath, node: node)) }
        }
        var seen: [String: AxisChoice] = [:]
        for choice in choices {
            if let first = seen[choice.identity] {
                let name = choice.specs.isEmpty ? "none" : choice.specs.map(\.canonicalName).joined(separator: "+")
                let other = first.keyPath == choice.keyPath ? "another value of this entry" : first.keyPath
                throw reader.fail(choice.node, choice.keyPath,
                                  "same \(axis) as \(other) once defaults are filled in: \(name)")
            }
            seen[choice.identity] = choice
        }
        return choices
    }

    /// The combinations one entry expands to.
    private func entry(_ node: Node, _ keyPath: String) throws(GridError) -> [[ComponentSpec]] {
        switch node {
        case .scalar where YAMLScalar(node) != .null:
            return try component(nameNode: node, name: node.scalar!.string, params: nil, keyPath)
        case .mapping:
            let parts = try reader.pairs(node, keyPath)
            guard !parts.isEmpty else { throw reader.fail(node, keyPath, "empty entry; expected a \(axis) name") }
            if parts.count > 1 && axis != .regularizer {
                throw reader.fail(parts[1].keyNode, keyPath,
                                  "one entry names one \(axis), found \(parts.map(\.key).joined(separator: ", "));"
                                  + " write each as its own list item")
            }
            var expanded: [[[ComponentSpec]]] = []
            for part in parts {
                if parts.count > 1 && part.key == "none" {
                    throw reader.fail(part.keyNode, keyPath, "none cannot be combined with other regularizers")
                }
                expanded.append(try component(nameNode: part.keyNode, name: part.key, params: part.value, keyPath))
            }
            return cartesian(expanded).map { combo in combo.flatMap { $0 }.sorted { $0.id < $1.id } }
        default:
            throw reader.fail(node, keyPath,
                              "expected a \(axis) name or {name: {parameters}}, got \(YAMLScalar.describe(node))")
        }
    }

    /// One named component with its parameter sub-axes expanded: one
    /// single-element list per choice; the regularizer `none` gives one empty list.
    private func component(nameNode: Node, name: String, params: Node?, _ keyPath: String)
        throws(GridError) -> [[ComponentSpec]] {
        guard let entry = catalog.entry(name) else {
            throw reader.fail(nameNode, keyPath,
                              "unknown \(axis) '\(name)'" + NearestName.hint(for: name, in: catalog.ids))
        }
        let specPath = keyPath + "." + name
        var given: [(key: String, keyNode: Node, value: Node)] = []
        if let params, YAMLScalar(params) != .null {
            given = try reader.pairs(params, specPath, expected: "a mapping of parameters like {\(entry.params.first?.name ?? "p"): ...}")
        }
        for g in given {
            do {
                _ = try entry.known(g.key)
            } catch {
                throw reader.fail(g.keyNode, specPath + "." + g.key, error.message)
            }
        }
        var axes: [[(key: String, value: ParamValue, node: Node)]] = []
        for g in given {
            let spec = entry.param(g.key)!
            axes.append(try values(g.value, spec, specPath + "." + g.key).map { (g.key, $0.0, $0.1) })
        }
        if name == "none" && axis == .regularizer { return [[]] }
        var out: [[ComponentSpec]] = []
        for combo in cartesian(axes) { out.append([try resolve(entry, combo, nameNode: nameNode, specPath)]) }
        return out
    }

    /// The values of one parameter: one, or several when it is a sub-axis.
    private func values(_ node: Node, _ spec: ParamSpec, _ keyPath: String) throws(GridError) -> [(ParamValue, Node)] {
        let isSubAxis: Bool
        if let items = node.sequence {
            if case .intList = spec.type { isSubAxis = items.contains { $0.sequence != nil } } else { isSubAxis = true }
        } else {
            isSubAxis = false
        }
        guard isSubAxis, let items = node.sequence else { return [(try reader.value(node, spec.type, keyPath), node)] }
        guard !items.isEmpty else { throw reader.fail(node, keyPath, "an empty list gives no values to try") }
        var out: [(ParamValue, Node)] = []
        for (i, item) in items.enumerated() {
            let v = try reader.value(item, spec.type, keyPath + "[\(i)]")
            if let j = out.firstIndex(where: { $0.0 == v }) {
                throw reader.fail(item, keyPath + "[\(i)]", "repeats the value \(v) of \(spec.name)[\(j)]")
            }
            out.append((v, item))
        }
        return out
    }

    /// Fills in defaults, resolves paths and applies the entry's rules.
    private func resolve(_ entry: ComponentDeclaration, _ given: [(key: String, value: ParamValue, node: Node)],
                         nameNode: Node, _ specPath: String) throws(GridError) -> ComponentSpec {
        var params: [String: ParamValue] = [:]
        var written: [String: ParamValue] = [:]
        var nodes: [String: Node] = [:]
        for g in given {
            nodes[g.key] = g.node
            guard case let .string(text) = g.value, entry.param(g.key)?.type == .path else {
                params[g.key] = g.value
                continue
            }
            let absolute = reader.resolvePath(text)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue
            else {
                throw reader.fail(g.node, specPath + "." + g.key, "file not found: \(absolute)")
            }
            params[g.key] = .string(absolute)
            written[g.key] = g.value
        }
        let userSet = Set(given.map(\.key))
        do {
            try entry.fillDefaults(&params)
            try entry.applyRules(&params, userSet: userSet)
        } catch {
            let node = error.key.flatMap { nodes[$0] } ?? nameNode
            throw reader.fail(node, error.key.map { specPath + "." + $0 } ?? specPath, error.message)
        }
        var identity = entry.identityParams(params)
        for (key, value) in written where identity[key] != nil { identity[key] = value }
        return ComponentSpec(axis: catalog.axis, id: entry.id, params: params, userParams: userSet,
                             identityParams: identity, traits: entry.traits, family: entry.family,
                             costWeight: entry.costWeight)
    }
}
