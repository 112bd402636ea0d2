/// Names and rules of the run-file layout (DESIGN section 6), shared by the
/// writer, the reader and the digest.
/// The names themselves are in `RunFileNames`.
enum RunFileLayout {
    private static let curvesGroup = RunFileNames.curvesGroup
    private static let tensorsGroup = RunFileNames.tensorsGroup
    private static let seriesGroup = RunFileNames.seriesGroup
    private static let stepName = RunFileNames.Curve.step
    private static let wallTimeName = RunFileNames.Curve.wallTime

    /// Checks everything about `record` that would otherwise fail, or silently
    /// change, half way through writing `file`: lengths, shapes and names.
    static func validate(_ record: RunRecord, file: String) throws {
        func fail(_ reason: String) -> RecordingError { .invalidRecord(file: file, reason: reason) }
        for (name, value) in record.attributes {
            guard !name.isEmpty, !name.contains("\0") else { throw fail("attribute name \(name.debugDescription) is empty or contains NUL") }
            if case .string(let text) = value, text.contains("\0") {
                throw fail("attribute \(name) contains a NUL character")
            }
        }
        let steps = record.steps.count
        for (name, values) in record.curves {
            try checkComponent(name, what: "curve name", fail)
            guard name != stepName, name != wallTimeName else { throw fail("curve name \(name) is reserved") }
            guard values.count == steps else { throw fail("curve \(name) has \(values.count) values for \(steps) steps") }
        }
        guard record.wallTime.isEmpty || record.wallTime.count == steps else {
            throw fail("wall_time has \(record.wallTime.count) values for \(steps) steps")
        }
        for (key, tensor) in record.tensors {
            for component in key.split(separator: "/", omittingEmptySubsequences: false) {
                try checkComponent(String(component), what: "tensor key \(key.debugDescription)", fail)
            }
            guard tensor.shape.allSatisfy({ $0 >= 0 }) else { throw fail("tensor \(key) has negative shape \(tensor.shape)") }
            let count = tensor.numericArray.count
            guard tensor.shapeCount == count else {
                throw fail("tensor \(key) has shape \(tensor.shape) but \(count) elements")
            }
        }
        for (group, series) in record.series {
            try checkComponent(group, what: "series name", fail)
            for (name, values) in series.curves {
                try checkComponent(name, what: "series \(group) curve name", fail)
                guard name != stepName else { throw fail("series \(group) curve name step is reserved") }
                guard values.count == series.steps.count else {
                    throw fail("series \(group) curve \(name) has \(values.count) values for \(series.steps.count) steps")
                }
            }
        }
    }

    /// The datasets the digest covers, as (path in the file, shape, elements):
    /// every dataset of the layout except `/curves/wall_time`.
    static func deterministicDatasets(_ record: RunRecord) -> [(path: String, shape: [Int], values: NumericArray)] {
        var result: [(path: String, shape: [Int], values: NumericArray)] = []
        result.append(("/\(curvesGroup)/\(stepName)", [record.steps.count], .int64(record.steps)))
        for (name, values) in record.curves {
            result.append(("/\(curvesGroup)/\(name)", [values.count], .float64(values)))
        }
        for (key, tensor) in record.tensors {
            result.append(("/\(tensorsGroup)/\(key)", tensor.shape, tensor.numericArray))
        }
        for (group, series) in record.series {
            result.append(("/\(seriesGroup)/\(group)/\(stepName)", [series.steps.count], .int64(series.steps)))
            for (name, values) in series.curves {
                result.append(("/\(seriesGroup)/\(group)/\(name)", [values.count], .float64(values)))
            }
        }
        return result
    }

    /// Byte-wise order of UTF-8 encodings (equal to code-point order), which
    /// is what Python's `sorted` gives for `str`.
    static func utf8Less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func checkComponent(_ name: String, what: String, _ fail: (String) -> RecordingError) throws {
        guard !name.isEmpty, name != ".", !name.contains("/"), !name.contains("\0") else {
            throw fail("\(what): \(name.debugDescription) is not a valid HDF5 name (empty, \".\", or contains / or NUL)")
        }
    }
}
