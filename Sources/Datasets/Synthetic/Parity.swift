import Support
import Engine
import Foundation

/// `parity`: the parity of a random bit string (Minsky and Papert, 1969; a
/// classic hard case for gradient learning).
///
/// Parameters (defaults): `n` (2000) strings, `length` (10) bits. Input: a
/// sequence of `length` steps with one feature, the bit as 0 or 1 (use it as
/// a flat vector of `length` values for non-recurrent models). Label: 1 when
/// the number of ones is odd. Bits are uniform, so labels are about half each.
/// Stream `data/parity`; split as `SyntheticSplit`.
enum Parity: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "parity", "parity of a bit string",
        params: [
            .int("n", 2000, .closed(10, 1_000_000), "number of examples over all splits"),
            .int("length", 10, .closed(1, 10_000), "bits per string"),
        ],
        traits: [.seededData])

    /// `n` sequences of `length` one-feature steps and a label.
    static func shape(_ params: ResolvedParams) -> DataShape? {
        let length = params.int("length")
        return DataShape(rows: params.int("n"), input: .sequence(steps: length, features: 1),
                         task: .classification(classes: 2), scalarsPerRow: length + 1)
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let n = params.int("n"), length = params.int("length")
        var stream = RandomStream(seed: seed, purpose: "data/parity")
        var inputs = [Float](repeating: 0, count: n * length)
        var labels = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            var ones: Int32 = 0
            for t in 0..<length {
                let bit = Int32(stream.nextUInt32() & 1)
                inputs[i * length + t] = Float(bit)
                ones += bit
            }
            labels[i] = ones & 1
        }
        return SyntheticSplit.dataset(name: id, params: params.values, task: .classification(classes: 2),
                                      input: .sequence(steps: length, features: 1),
                                      all: Split(count: n, inputs: inputs, labels: labels),
                                      classNames: ["even", "odd"])
    }
}
