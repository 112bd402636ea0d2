import Support

/// Parameter declarations and rules that several models share.
enum ModelParams {
    /// Weight initialization, taken by every network.
    static let initScheme = ParamSpec.choice("init", "torch", InitScheme.allCases.map(\.rawValue),
                                             "weight initialization: torch defaults, Glorot uniform or He normal")

    /// `heads` must divide the model width `width`.
    static func headsDivide(_ width: String) -> ParamRule {
        ParamRule("heads must divide \(width)") { p, _ in
            guard let h = p["heads"]?.intValue, let w = p[width]?.intValue, w % h != 0 else { return nil }
            return .init(key: "heads", "must divide \(width) (\(w)), got \(h)")
        }
    }

    /// The integers of list parameter `key` must not repeat.
    static func distinct(_ key: String) -> ParamRule {
        ParamRule("\(key) must not repeat a value") { p, _ in
            guard let list = p[key]?.intListValue, Set(list).count != list.count else { return nil }
            return .init(key: key, "must not repeat a value, got \(list)")
        }
    }
}
