import Foundation
import Support

/// Writes a `RunRecord` as an HDF5 run file (layout in `RunRecord`'s doc comment
/// and DESIGN section 6).
///
/// The file appears under its final name only when complete: it is written
/// under a hidden temporary name in the same folder, closed, synced, and renamed
/// (see `AtomicFile`). On any error the temporary file is removed, a file that
/// already had the final name is left untouched, and a `RecordingError` is thrown.
/// The writer adds nothing: the `digest` attribute, if wanted, is the caller's
/// (`RunDigest.compute`). Object modification times are not recorded, so the
/// same record gives the same file bytes.
public enum RunFileWriter {
    /// Writes `record` to `url` atomically, replacing any file there.
    public static func write(_ record: RunRecord, to url: URL) throws {
        try RunFileLayout.validate(record, file: url.path)
        var temporaryPath = ""
        do {
            try AtomicFile.produce(at: url) { temporary in
                temporaryPath = temporary.path
                try HDF5File.create(path: temporary.path).use { file in
                    try file.withRoot { root in try writeContent(of: record, into: root) }
                }
            }
        } catch let error as FileWriteError {
            throw RecordingError(error)
        } catch let error as RecordingError {
            // The user knows the final name, not the temporary one.
            throw error.replacingPath(temporaryPath, with: url.path)
        }
    }

    private static func writeContent(of record: RunRecord, into root: HDF5Group) throws {
        for name in record.attributes.keys.sorted(by: RunFileLayout.utf8Less) {
            try root.writeAttribute(name, record.attributes[name]!)
        }
        try root.withNewGroup(RunFileNames.curvesGroup) { curves in
            try curves.writeDataset(RunFileNames.Curve.step, shape: [record.steps.count], values: .int64(record.steps))
            try writeCurves(record.curves, into: curves)
            try curves.writeDataset(RunFileNames.Curve.wallTime, shape: [record.wallTime.count],
                                    values: .float64(record.wallTime))
        }
        try root.withNewGroup(RunFileNames.tensorsGroup) { tensors in
            for key in record.tensors.keys.sorted(by: RunFileLayout.utf8Less) {
                let path = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                try writeTensor(record.tensors[key]!, path: path[...], into: tensors)
            }
        }
        try root.withNewGroup(RunFileNames.seriesGroup) { seriesGroup in
            for name in record.series.keys.sorted(by: RunFileLayout.utf8Less) {
                let series = record.series[name]!
                try seriesGroup.withNewGroup(name) { group in
                    try group.writeDataset(RunFileNames.Curve.step, shape: [series.steps.count], values: .int64(series.steps))
                    try writeCurves(series.curves, into: group)
                }
            }
        }
    }

    private static func writeCurves(_ curves: [String: [Double]], into group: HDF5Group) throws {
        for name in curves.keys.sorted(by: RunFileLayout.utf8Less) {
            let values = curves[name]!
            try group.writeDataset(name, shape: [values.count], values: .float64(values))
        }
    }

    /// Writes a tensor at `path` below `group`, creating the groups on the way.
    private static func writeTensor(_ tensor: StoredTensor, path: ArraySlice<String>, into group: HDF5Group) throws {
        if path.count == 1 {
            try group.writeDataset(path.first!, shape: tensor.shape, values: tensor.numericArray)
        } else {
            try group.withGroup(creatingIfMissing: path.first!) { child in
                try writeTensor(tensor, path: path.dropFirst(), into: child)
            }
        }
    }
}
