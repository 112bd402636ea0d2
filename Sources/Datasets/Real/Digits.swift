import Support
import Foundation

/// `digits`: 8x8 handwritten digits as 64 features in [0, 1] (pixel / 16), 10 classes.
///
/// Alpaydin and Kaynak (1998), UCI "Optical Recognition of Handwritten Digits"
/// test set. Fixed split in file order: 1078 train, 360 validation, 359 test.
/// No parameters.
enum Digits: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "digits", "8x8 handwritten digits, 1797 rows, 10 classes (UCI optdigits test set)")

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let file = try DigitsFile(dataRoot: dataRoot)
        return Dataset(name: id, params: params.values, task: .classification(classes: 10),
                       input: .dense(features: DigitsFile.pixels),
                       train: file.train, validation: file.validation, test: file.test,
                       classNames: (0..<10).map(String.init))
    }
}
