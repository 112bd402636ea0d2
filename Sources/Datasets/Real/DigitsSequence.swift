import Support
import Foundation

/// `digits_seq`: the `digits` images read as sequences for recurrent models.
///
/// Parameter `mode`: `rows` (default) gives 8 steps of 8 pixels (one image row
/// per step, top to bottom); `pixels` gives 64 steps of 1 pixel in row-major
/// order. Same values, labels and split as `digits`.
enum DigitsSequence: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "digits_seq", "digits as a sequence for recurrent models",
        params: [
            .choice("mode", "rows", ["rows", "pixels"], "8 steps of 8 pixels, or 64 steps of 1 pixel"),
        ])

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let file = try DigitsFile(dataRoot: dataRoot)
        // Row-major pixels are already step-major for both modes; only the shape differs.
        let input: InputKind = params.string("mode") == "rows" ? .sequence(steps: 8, features: 8)
                                                              : .sequence(steps: 64, features: 1)
        return Dataset(name: id, params: params.values, task: .classification(classes: 10), input: input,
                       train: file.train, validation: file.validation, test: file.test,
                       classNames: (0..<10).map(String.init))
    }
}
