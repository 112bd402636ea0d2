import Foundation

/// The shipped digits table (`digits.csv.gz`): 1797 rows of 64 pixels (0..16) and a label (0..9).
///
/// Splits follow the fixed rule of the project (rows in file order): train =
/// rows 0..1077, validation = rows 1078..1437, test = rows 1438..1796.
struct DigitsFile {
    static let rows = 1797
    static let pixels = 64
    static let trainRows = 0..<1078
    static let validationRows = 1078..<1438
    static let testRows = 1438..<1797

    /// Pixels scaled to [0, 1] by dividing by 16, row-major, and labels.
    let all: Split

    init(dataRoot: URL) throws {
        let url = dataRoot.appendingPathComponent("digits.csv.gz")
        let table = try CSVTable(bytes: try DataFile.read(url), path: url.path, header: false)
        guard table.rows == DigitsFile.rows, table.columns == DigitsFile.pixels + 1 else {
            throw DatasetError.emptyData(path: url.path,
                                         expected: "\(DigitsFile.rows) rows of \(DigitsFile.pixels + 1) fields, found \(table.rows) rows of \(table.columns)")
        }
        var inputs = [Float](repeating: 0, count: DigitsFile.rows * DigitsFile.pixels)
        var labels = [Int32](repeating: 0, count: DigitsFile.rows)
        let width = DigitsFile.pixels + 1
        for r in 0..<DigitsFile.rows {
            for c in 0..<width {
                let v = table.values[r * width + c]
                let limit: Double = c < DigitsFile.pixels ? 16 : 9
                guard v >= 0, v <= limit, v.rounded() == v else {
                    throw DatasetError.malformedCSV(path: url.path, line: table.lineNumbers[r], field: c + 1,
                                                    expected: "an integer in 0...\(Int(limit))", found: "\(v)")
                }
                if c < DigitsFile.pixels { inputs[r * DigitsFile.pixels + c] = Float(v) / 16 } else { labels[r] = Int32(v) }
            }
        }
        all = Split(count: DigitsFile.rows, inputs: inputs, labels: labels)
    }

    var train: Split { all.slice(DigitsFile.trainRows) }
    var validation: Split { all.slice(DigitsFile.validationRows) }
    var test: Split { all.slice(DigitsFile.testRows) }
}
