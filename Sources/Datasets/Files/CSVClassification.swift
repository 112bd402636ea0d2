import Support
import Foundation

/// `csv`: classification from a user's CSV file, one example per row:
/// feature values, then an integer class label (0-based) as the last field.
///
/// Parameters (defaults): `path` (required; a grid resolves relative paths
/// against its own folder; called directly, below the data root), `header` (false: when true the first line is skipped),
/// `validation_fraction` (0.1), `test_fraction` (0.1). Rows stay in file order:
/// train is the first part, then validation, then test (each held-out part
/// takes its fraction of the rows, rounded down), so shuffle the file first if
/// it is sorted. The number of classes is the largest label plus one.
enum CSVClassification: DatasetBuilder {
    static let declaration = ComponentDeclaration(
        "csv", "numeric table: feature columns, then an integer class label in the last column",
        params: [
            .path("path", required: true, "the CSV file"),
            .bool("header", false, "skip the first line"),
            .double("validation_fraction", 0.1, .closedOpen(0, 0.5), "share of the rows held out for validation", identity: .whenNotDefault),
            .double("test_fraction", 0.1, .closedOpen(0, 0.5), "share of the rows held out for testing", identity: .whenNotDefault),
        ])

    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset {
        let url = DataFile.resolve(params.string("path"), dataRoot: dataRoot)
        let table = try CSVTable(bytes: try DataFile.read(url), path: url.path, header: params.bool("header"))
        guard table.rows > 0 else {
            throw DatasetError.emptyData(path: url.path, expected: "at least one row of features and a label")
        }
        guard table.columns >= 2 else {
            throw DatasetError.malformedCSV(path: url.path, line: table.lineNumbers[0], field: 2,
                                            expected: "feature values then a label (at least 2 fields)",
                                            found: "\(table.columns) field")
        }
        let features = table.columns - 1
        var inputs = [Float](repeating: 0, count: table.rows * features)
        var labels = [Int32](repeating: 0, count: table.rows)
        for r in 0..<table.rows {
            for c in 0..<features { inputs[r * features + c] = Float(table.values[r * table.columns + c]) }
            let label = table.values[r * table.columns + features]
            guard let value = ClassLabel.label(label) else {
                throw DatasetError.malformedCSV(path: url.path, line: table.lineNumbers[r], field: table.columns,
                                                expected: ClassLabel.expectation, found: "\(label)")
            }
            labels[r] = value
        }
        let all = Split(count: table.rows, inputs: inputs, labels: labels)
        let held = Split.holdOutSizes(count: table.rows, validationFraction: params.double("validation_fraction"),
                                      testFraction: params.double("test_fraction"))
        let parts = all.partitioned(validation: held.validation, test: held.test)
        return Dataset(name: id, params: params.values, task: .classification(classes: Int(labels.max()!) + 1),
                       input: .dense(features: features), train: parts.train, validation: parts.validation,
                       test: parts.test)
    }
}
