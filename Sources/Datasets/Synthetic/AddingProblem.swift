import Support
import Engine
import Foundation

/// `adding`: the adding problem (Hochreiter and Schmidhuber, 1997, experiment 4),
/// in the form of Le, Jaitly and Hinton (2015, section 4.1).
///
/// Parameters (defaults): `n` (2000) sequences, `length` (30) steps. Each step
/// has 2 features: a value uniform in [0, 1) and a marker (0 or 1). Exactly two
/// steps are marked, one uniformly in the first half and one in the second
/// half; the regression target is the sum of the two marked values (computed
/// in Float from the stored values). Predicting 1 always gives a mean squared
/// error of 1/6 (the variance of a sum of two U(0, 1)), the usual baseline.
/// Stream `data/adding`; split as `SyntheticSplit`.
enum AddingProblem: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "adding", "adding problem (Hochreiter and Schmidhuber 1997): sum the two marked values",
        params: [
            .int("n", 2000, .closed(10, 1_000_000), "number of examples over all splits"),
            .int("length", 30, .closed(2, 100_000), "sequence length"),
        ],
        traits: [.seededData])

    /// `n` sequences of `length` steps of two features, one real target each.
    static func shape(_ params: ResolvedParams) -> DataShape? {
        let length = params.int("length")
        return DataShape(rows: params.int("n"), input: .sequence(steps: length, features: 2),
                         task: .regression(outputs: 1), scalarsPerRow: 2 * length + 1)
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let n = params.int("n"), length = params.int("length")
        var stream = RandomStream(seed: seed, purpose: "data/adding")
        var inputs = [Float](repeating: 0, count: n * length * 2)
        var targets = [Float](repeating: 0, count: n)
        let half = length / 2
        for i in 0..<n {
            let base = i * length * 2
            for t in 0..<length { inputs[base + 2 * t] = Float(stream.uniform()) }
            let first = stream.int(below: half)
            let second = half + stream.int(below: length - half)
            inputs[base + 2 * first + 1] = 1
            inputs[base + 2 * second + 1] = 1
            targets[i] = inputs[base + 2 * first] + inputs[base + 2 * second]
        }
        return SyntheticSplit.dataset(name: id, params: params.values, task: .regression(outputs: 1),
                                      input: .sequence(steps: length, features: 2),
                                      all: Split(count: n, inputs: inputs, targets: targets))
    }
}
