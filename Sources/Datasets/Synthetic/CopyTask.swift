import Support
import Engine
import Foundation

/// `copy`: the copy (memory) task (Hochreiter and Schmidhuber, 1997; in the
/// form of Arjovsky, Shah and Bengio, 2016, section 4.1).
///
/// Parameters (defaults): `n` (2000) sequences, `symbols` (8) K, `length` (8)
/// L symbols to remember, `delay` (5) D steps between the last symbol and the
/// start of the recall. A sequence has T = 2L + D steps of one token each
/// (vocabulary K + 3: 0 padding, never used since every sequence is full
/// length; 1...K the symbols; K + 1 a blank; K + 2 the "go" marker). Steps
/// 0..<L show uniform random symbols, steps L..<L+D are blank except the last
/// one, which shows "go", and the last L steps are blank. The per-step label
/// is -1 (ignored) for the first L + D steps and the symbol (0..<K) shown at
/// step t - L - D for the last L steps, so a model is scored on recall only;
/// guessing gives accuracy 1/K (cross-entropy log K). Models that predict at
/// every step read it (`charlm`). Stream `data/copy`; split as `SyntheticSplit`.
enum CopyTask: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "copy", "copy task: reproduce the symbols after a delay",
        params: [
            .int("n", 2000, .closed(10, 1_000_000), "number of examples over all splits"),
            .int("symbols", 8, .closed(1, 1000), "alphabet size"),
            .int("length", 8, .closed(1, 10_000), "symbols to copy"),
            .int("delay", 5, .closed(1, 100_000), "blank steps before recall"),
        ],
        traits: [.seededData])

    /// `n` sequences of 2 length + delay tokens with a label per step.
    static func shape(_ params: ResolvedParams) -> DataShape? {
        let k = params.int("symbols"), steps = 2 * params.int("length") + params.int("delay")
        return DataShape(rows: params.int("n"), input: .tokens(maxLength: steps, vocabulary: k + 3),
                         task: .sequenceLabeling(classes: k), scalarsPerRow: 2 * steps)
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let n = params.int("n"), k = params.int("symbols"), length = params.int("length"), delay = params.int("delay")
        let steps = 2 * length + delay, blank = Float(k + 1), go = Float(k + 2)
        var stream = RandomStream(seed: seed, purpose: "data/copy")
        var inputs = [Float](repeating: blank, count: n * steps)
        var labels = [Int32](repeating: -1, count: n * steps)
        for i in 0..<n {
            for t in 0..<length {
                let symbol = stream.int(below: k)
                inputs[i * steps + t] = Float(symbol + 1)
                labels[i * steps + length + delay + t] = Int32(symbol)
            }
            inputs[i * steps + length + delay - 1] = go
        }
        return SyntheticSplit.dataset(name: id, params: params.values, task: .sequenceLabeling(classes: k),
                                      input: .tokens(maxLength: steps, vocabulary: k + 3),
                                      all: Split(count: n, inputs: inputs, labels: labels))
    }
}
