import Support
import Engine
import Foundation

/// `dyck`: is a bracket string balanced? (Recognition of the Dyck language
/// with one or two bracket types.)
///
/// Parameters (defaults): `n` (2000) strings, `types` (1: `()`; 2: `()` and
/// `[]`), `max_length` (20). Tokens: 0 `<pad>`, 1 `<unk>` (unused), 2 `(`,
/// 3 `)`, 4 `[`, 5 `]`. Each string has an even length uniform in
/// 2...max_length (rounded down to even). Odd-numbered examples (label 1) are
/// balanced strings grown left to right (open when nothing is open, close when
/// the rest must close, otherwise open or close with equal odds; the type of an
/// opening bracket is uniform). Even-numbered examples (label 0) are such a
/// string with one corruption that leaves it unbalanced: a bracket turned
/// around, two different tokens swapped, or (two types) a bracket's type
/// changed; swaps and type changes keep the counts equal, so counting alone
/// does not solve the task. Labels are exactly half each. Stream `data/dyck`;
/// split as `SyntheticSplit`.
enum Dyck: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "dyck", "whether a bracket string is balanced (Dyck language)",
        params: [
            .int("n", 2000, .closed(10, 1_000_000), "number of examples over all splits"),
            .int("types", 1, .closed(1, 2), "bracket types: 1 is (), 2 adds []"),
            .int("max_length", 20, .closed(2, 10_000), "longest string (lengths are even, uniform up to this)"),
        ],
        traits: [.seededData])

    /// Token id of a bracket of `type` (0 or 1), opening or closing.
    static func token(type: Int, open: Bool) -> Int32 { Int32(2 + 2 * type + (open ? 0 : 1)) }

    /// True when every closing bracket matches the latest unclosed opening one and none stays open.
    static func isBalanced(_ tokens: [Int32]) -> Bool {
        var stack: [Int32] = []
        for t in tokens {
            if t % 2 == 0 {
                stack.append(t)
            } else {
                guard stack.popLast() == t - 1 else { return false }
            }
        }
        return stack.isEmpty
    }

    static func balanced(length: Int, types: Int, stream: inout RandomStream) -> [Int32] {
        var out: [Int32] = [], stack: [Int] = []
        for p in 0..<length {
            let remaining = length - p
            let open = stack.isEmpty || (stack.count < remaining && stream.bernoulli(0.5))
            if open {
                let type = stream.int(below: types)
                stack.append(type)
                out.append(token(type: type, open: true))
            } else {
                out.append(token(type: stack.removeLast(), open: false))
            }
        }
        return out
    }

    static func corrupted(_ tokens: [Int32], types: Int, stream: inout RandomStream) -> [Int32] {
        for _ in 0..<64 {
            var t = tokens
            switch stream.int(below: types == 2 ? 3 : 2) {
            case 0:
                let j = stream.int(below: t.count)
                t[j] = t[j] % 2 == 0 ? t[j] + 1 : t[j] - 1
            case 1:
                let j = stream.int(below: t.count), k = stream.int(below: t.count)
                t.swapAt(j, k)
            default:
                let j = stream.int(below: t.count)
                t[j] = t[j] < 4 ? t[j] + 2 : t[j] - 2
            }
            if !isBalanced(t) { return t }
        }
        // Turning one bracket around changes the counts, which is never balanced.
        var t = tokens
        t[0] += 1
        return t
    }

    /// `n` token sequences of at most `max_length` and a label.
    static func shape(_ params: ResolvedParams) -> DataShape? {
        let maxLength = params.int("max_length")
        return DataShape(rows: params.int("n"), input: .tokens(maxLength: maxLength, vocabulary: 2 + 2 * params.int("types")),
                         task: .classification(classes: 2), scalarsPerRow: 2 * maxLength + 1)
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let n = params.int("n"), types = params.int("types"), maxLength = params.int("max_length")
        var stream = RandomStream(seed: seed, purpose: "data/dyck")
        var sequences: [[Int32]] = [], labels: [Int32] = []
        for i in 0..<n {
            let length = 2 * (1 + stream.int(below: maxLength / 2))
            let good = balanced(length: length, types: types, stream: &stream)
            let label = Int32(i % 2)
            sequences.append(label == 1 ? good : corrupted(good, types: types, stream: &stream))
            labels.append(label)
        }
        let vocabulary = ["<pad>", "<unk>", "(", ")", "[", "]"].prefix(2 + 2 * types)
        return SyntheticSplit.dataset(name: id, params: params.values, task: .classification(classes: 2),
                                      input: .tokens(maxLength: maxLength, vocabulary: vocabulary.count),
                                      all: TokenPadding.split(sequences, maxLength: maxLength, labels: labels),
                                      vocabulary: Array(vocabulary), classNames: ["unbalanced", "balanced"])
    }
}
