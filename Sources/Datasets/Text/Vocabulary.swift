/// A token vocabulary with a padding id 0 and an unknown-token id 1.
///
/// Built from token counts of a training text only: the most frequent tokens
/// get the ids from 2 upward (ties broken by token order, so the result never
/// depends on dictionary iteration order), up to `maxSize` ids in all; every
/// other token maps to `<unk>`.
struct Vocabulary<Token: Hashable & Comparable> {
    static var padding: Int32 { 0 }
    static var unknown: Int32 { 1 }

    /// Display strings by id: `<pad>`, `<unk>`, then the tokens.
    let strings: [String]
    private let ids: [Token: Int32]

    init(counts: [Token: Int], maxSize: Int, describe: (Token) -> String) {
        precondition(maxSize >= 3, "a vocabulary needs room for <pad>, <unk> and one token")
        let ranked = counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        let kept = ranked.prefix(maxSize - 2)
        var ids: [Token: Int32] = [:]
        var strings = ["<pad>", "<unk>"]
        for (i, entry) in kept.enumerated() {
            ids[entry.key] = Int32(i + 2)
            strings.append(describe(entry.key))
        }
        self.ids = ids
        self.strings = strings
    }

    /// Counts `tokens` and builds the vocabulary from them.
    init<S: Sequence>(tokens: S, maxSize: Int, describe: (Token) -> String) where S.Element == Token {
        var counts: [Token: Int] = [:]
        for t in tokens { counts[t, default: 0] += 1 }
        self.init(counts: counts, maxSize: maxSize, describe: describe)
    }

    var size: Int { strings.count }

    /// The id of `token`, or `<unk>`.
    func id(_ token: Token) -> Int32 { ids[token] ?? Self.unknown }
}
