import Support
import Foundation

/// `idx`: image classification from IDX files (MNIST, Fashion-MNIST format),
/// plain or gzip.
///
/// Parameters (defaults): `images` and `labels` (required paths of the
/// training files; a grid resolves relative paths against its
/// own folder; called directly, below the data root),
/// `test_images` and `test_labels` (optional, given together; without them the
/// test split is empty), `validation_fraction` (0.1: the last 10% of the
/// training file is validation). Each image is flattened row-major; unsigned
/// byte pixels are scaled to [0, 1] by dividing by 255, other element types
/// are used as stored. Labels must be a one-dimensional integer array with one
/// label per image; the number of classes is the largest label plus one.
enum IDXClassification: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "idx", "images and labels in IDX files (the MNIST format)",
        params: [
            .path("images", required: true, "training images"),
            .path("labels", required: true, "training labels"),
            .path("test_images", required: false, "test images"),
            .path("test_labels", required: false, "test labels"),
            .double("validation_fraction", 0.1, .closedOpen(0, 0.5), "share of the training rows held out for validation", identity: .whenNotDefault),
        ],
        rules: [ParamRule("test_images and test_labels come together") { p, _ in
            switch (p["test_images"], p["test_labels"]) {
            case (nil, _?): return .init(key: "test_labels", "needs test_images too")
            case (_?, nil): return .init(key: "test_images", "needs test_labels too")
            default: return nil
            }
        }])

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        func url(_ name: String) -> URL { DataFile.resolve(params.string(name), dataRoot: dataRoot) }
        let trainAll = try load(images: url("images"), labels: url("labels"))
        var test = Split.empty
        switch (params.optionalString("test_images"), params.optionalString("test_labels")) {
        case (nil, nil), (_?, nil), (nil, _?): break  // the declaration's rule rejects a lone test file
        case (_?, _?):
            test = try load(images: url("test_images"), labels: url("test_labels"))
            guard test.inputsPerExample == trainAll.inputsPerExample || test.count == 0 else {
                throw DatasetError.mismatchedFiles(path: url("test_images").path, otherPath: url("images").path,
                                                   expected: "images of \(trainAll.inputsPerExample) values as in the training file, found \(test.inputsPerExample)")
            }
        }
        let held = Split.holdOutSizes(count: trainAll.count, validationFraction: params.double("validation_fraction"),
                                      testFraction: 0)
        let parts = trainAll.partitioned(validation: held.validation, test: 0)
        let classes = Int(max(trainAll.labels.max() ?? 0, test.labels.max() ?? 0)) + 1
        return Dataset(name: id, params: params.values, task: .classification(classes: classes),
                       input: .dense(features: trainAll.inputsPerExample), train: parts.train,
                       validation: parts.validation, test: test)
    }

    /// Reads one images file and its labels file into a split.
    static func load(images imagesURL: URL, labels labelsURL: URL) throws -> Split {
        let images = try IDXFile(bytes: try DataFile.read(imagesURL), path: imagesURL.path)
        let labels = try IDXFile(bytes: try DataFile.read(labelsURL), path: labelsURL.path)
        guard labels.dimensions.count == 1, labels.type.isInteger else {
            throw DatasetError.malformedIDX(path: labelsURL.path, offset: 2,
                                            expected: "a one-dimensional integer label array, found \(labels.dimensions.count) dimensions of \(labels.type)")
        }
        let count = images.dimensions[0]
        guard labels.dimensions[0] == count else {
            throw DatasetError.mismatchedFiles(path: labelsURL.path, otherPath: imagesURL.path,
                                               expected: "one label per image (\(count) images), found \(labels.dimensions[0]) labels")
        }
        guard count > 0 else {
            throw DatasetError.emptyData(path: imagesURL.path, expected: "at least one image")
        }
        var intLabels = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let v = labels.values[i]
            guard let label = ClassLabel.label(Double(v)) else {
                throw DatasetError.malformedIDX(path: labelsURL.path, offset: 4 + 4 + i * labels.type.size,
                                                expected: ClassLabel.expectation + ", found \(v)")
            }
            intLabels[i] = label
        }
        let inputs = images.type == .ubyte ? images.values.map { $0 / 255 } : images.values
        return Split(count: count, inputs: inputs, labels: intLabels)
    }
}
