import Support
import Engine
import Foundation

/// `blobs`: isotropic Gaussian clusters, one per class (as scikit-learn's `make_blobs`).
///
/// Parameters (defaults): `n` (600) examples, `classes` (3), `dim` (2),
/// `spread` (1.0, the standard deviation of each coordinate around its centre).
/// Centres are uniform in [-10, 10]^dim (the `center_box` default of
/// `make_blobs`), drawn from the stream `data/blobs/centers`; example i has
/// label i mod classes and is its centre plus `spread` times standard normal
/// noise from the stream `data/blobs`. Split in generation order: the last 10%
/// is test, the 10% before it validation, the rest train.
enum Blobs: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "blobs", "Gaussian blobs, one per class",
        params: [
            .int("n", 600, .closed(30, 1_000_000), "number of examples over all splits"),
            .int("classes", 3, .closed(2, 1000), "number of blobs"),
            .int("dim", 2, .closed(1, 10_000), "input dimension"),
            .double("spread", 1.0, .openClosed(0, 1000), "standard deviation of each blob"),
        ],
        traits: [.seededData])

    /// `n` rows of `dim` features and a label.
    static func shape(_ params: ResolvedParams) -> DataShape? {
        DataShape(rows: params.int("n"), input: .dense(features: params.int("dim")),
                  task: .classification(classes: params.int("classes")), scalarsPerRow: params.int("dim") + 1)
    }

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let n = params.int("n"), classes = params.int("classes"), dim = params.int("dim")
        let spread = params.double("spread")
        var centerStream = RandomStream(seed: seed, purpose: "data/blobs/centers")
        let centers = (0..<classes * dim).map { _ in centerStream.uniform(-10, 10) }
        var stream = RandomStream(seed: seed, purpose: "data/blobs")
        var inputs = [Float](repeating: 0, count: n * dim)
        var labels = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let c = i % classes
            labels[i] = Int32(c)
            for d in 0..<dim { inputs[i * dim + d] = Float(centers[c * dim + d] + spread * stream.normal()) }
        }
        return SyntheticSplit.dataset(name: id, params: params.values, task: .classification(classes: classes),
                                      input: .dense(features: dim), all: Split(count: n, inputs: inputs, labels: labels))
    }
}
