import Support

/// The regularizers a grid can name, by id, and their construction from grid
/// parameters. Adding a regularizer is one file plus one line in `all`.
public enum RegularizerRegistry {
    /// Every regularizer type, in canonical order: the order in which a combination
    /// lists its members, sums its penalties and runs its hooks.
    public static var all: [any Regularizer.Type] {
        [NoRegularizer.self, L2Penalty.self, L1Penalty.self, WeightDecay.self, Rank1Penalty.self,
         Dropout.self, BatchNorm.self, LayerNorm.self, GradientClipping.self, EarlyStoppingRule.self,
         LabelSmoothing.self]
    }

    /// Registry ids in canonical order.
    public static let ids: [String] = all.map { $0.id }

    /// The type registered under `id`, or nil.
    public static func type(id: String) -> (any Regularizer.Type)? {
        all.first { $0.id == id }
    }

    /// Every regularizer's declaration, in canonical order.
    public static var declarations: [ComponentDeclaration] { all.map { $0.declaration } }

    /// Builds regularizer `id` from parameters as written in a grid: unknown ids and
    /// keys (with the nearest known name suggested), wrong kinds, out-of-range values
    /// and inconsistent keys are rejected; defaults fill the rest.
    public static func make(id: String, params: Params) throws(RegularizerError) -> any Regularizer {
        guard let t = type(id: id) else {
            throw .unknownRegularizer(name: id, suggestion: NearestName.suggest(id, among: ids))
        }
        return try t.init(resolved: t.resolve(params.values))
    }

    /// Position of `id` in canonical order (`ids.count` for an unknown id).
    static func rank(of id: String) -> Int { ids.firstIndex(of: id) ?? ids.count }
}
