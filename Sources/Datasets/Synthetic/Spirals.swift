import Support
import Engine
import Foundation

/// `spirals`: the two-spirals problem (Lang and Witbrock, 1988), 2 classes in the plane.
///
/// Parameters (defaults): `n` (600) points, `noise` (0.1, the standard
/// deviation of Gaussian noise added to each coordinate). Point i has class
/// c = i mod 2 and a position t uniform in [0, 1) along its arm:
/// radius 0.1 + 0.9 t, angle 3 pi t + c pi (one and a half turns, the second
/// arm rotated by half a turn). Stream `data/spirals`; split as `SyntheticSplit`.
enum Spirals: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "spirals", "two interleaved spirals",
        params: [
            .int("n", 600, .closed(20, 1_000_000), "number of examples over all splits"),
            .double("noise", 0.1, .closed(0, 10), "standard deviation of the added noise"),
        ],
        traits: [.seededData])

    /// `n` rows of two features and a label.
    static func shape(_ params: ResolvedParams) -> DataShape? {
        DataShape(rows: params.int("n"), input: .dense(features: 2), task: .classification(classes: 2), scalarsPerRow: 3)
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let n = params.int("n"), noise = params.double("noise")
        var stream = RandomStream(seed: seed, purpose: "data/spirals")
        var inputs = [Float](repeating: 0, count: n * 2)
        var labels = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let c = i % 2
            let t = stream.uniform()
            let radius = 0.1 + 0.9 * t
            let angle = 3 * Double.pi * t + Double(c) * Double.pi
            let (s, co) = DeterministicTrig.sinCosDegree17(angle)
            inputs[2 * i] = Float(radius * co + noise * stream.normal())
            inputs[2 * i + 1] = Float(radius * s + noise * stream.normal())
            labels[i] = Int32(c)
        }
        return SyntheticSplit.dataset(name: id, params: params.values, task: .classification(classes: 2),
                                      input: .dense(features: 2), all: Split(count: n, inputs: inputs, labels: labels))
    }
}
