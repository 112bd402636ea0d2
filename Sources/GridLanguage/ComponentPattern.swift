import Support
/// A component named in an `exclude` entry: a bare id (`sgd`), or a
/// canonical name with some parameters (`sgd(lr=0.1)`), which matches a
/// component with that id and those parameter values.
struct ComponentPattern: Equatable {
    let id: String
    let params: [String: ParamValue]

    /// Whether `spec` is this component with the pattern's parameter values.
    func matches(_ spec: ComponentSpec) -> Bool {
        spec.id == id && params.allSatisfy { (spec.identityParams[$0.key] ?? spec.params[$0.key]) == $0.value }
    }

    /// Parses `id` or `id(key=value,...)` against `catalog`; the error is the
    /// message for the user.
    static func parse(_ text: String, in catalog: ComponentCatalog) -> Result<ComponentPattern, PatternError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var id = trimmed, inner: Substring?
        if let open = trimmed.firstIndex(of: "(") {
            guard trimmed.hasSuffix(")") else {
                return .failure(PatternError("expected name(key=value,...), got '\(text)'"))
            }
            id = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        }
        guard let entry = catalog.entry(id) else {
            return .failure(PatternError("unknown \(catalog.axis) '\(id)'" + NearestName.hint(for: id, in: catalog.ids)))
        }
        var params: [String: ParamValue] = [:]
        for item in splitTopLevel(inner ?? "") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                return .failure(PatternError("expected key=value in '\(text)', got '\(item)'"))
            }
            guard let spec = entry.param(parts[0]) else {
                return .failure(PatternError("unknown parameter '\(parts[0])' of \(id)"
                    + NearestName.hint(for: parts[0], in: entry.params.map(\.name), known: "parameters")))
            }
            guard let raw = parseValue(parts[1], spec.type), case let .success(value) = spec.type.check(raw) else {
                return .failure(PatternError("\(id) parameter \(parts[0]): expected \(spec.type.summary), got '\(parts[1])'"))
            }
            params[parts[0]] = value
        }
        return .success(ComponentPattern(id: id, params: params))
    }

    /// A pattern problem, phrased for the user.
    struct PatternError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Splits on commas outside brackets; empty text gives no items.
    private static func splitTopLevel(_ text: Substring) -> [String] {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        var items: [String] = [], current = "", depth = 0
        for ch in text {
            if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
            if ch == "," && depth == 0 { items.append(current); current = "" } else { current.append(ch) }
        }
        items.append(current)
        return items
    }

    private static func parseValue(_ text: String, _ type: ParamType) -> ParamValue? {
        switch type {
        case .double:
            return Double(text).map { .double($0) }
        case .int: return Int(text).map { .int($0) }
        case .bool: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case let .choice(values): return values.contains(text) ? .string(text) : nil
        case .intList:
            let body = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
            let items = body.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { return nil }
            return .intList(items.map { $0! })
        case .path: return text.isEmpty ? nil : .string(text)
        }
    }
}
