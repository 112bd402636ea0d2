import Foundation

/// Reads HDF5 run files written by `RunFileWriter` (layout in `RunRecord`'s doc
/// comment) back into memory.
///
/// `read` is the exact inverse of `RunFileWriter.write`: attribute kinds,
/// element types, shapes and every bit of every value come back unchanged.
/// Missing `/curves`, `/tensors` or `/series` groups read as empty. A file
/// whose `schema_version` is newer than `RunFileSchema.current` throws
/// `RecordingError.newerSchema` before anything else is read; files without one
/// (version 1) read as before. Anything a run file never holds (other element types, non-scalar attributes, objects
/// where a dataset belongs) throws `RecordingError.unsupportedContent`.
public enum RunFileReader {
    /// Reads the whole run file at `url`.
    public static func read(_ url: URL) throws -> RunRecord {
        try HDF5File.openReadOnly(path: url.path).use { file in
            try file.withRoot { root in
                var record = RunRecord(attributes: try readableAttributes(root))
                if try root.hasMember(RunFileNames.curvesGroup) {
                    try root.withGroup(RunFileNames.curvesGroup) { group in
                        var curves = try readCurveGroup(group)
                        record.steps = curves.steps
                        record.wallTime = curves.curves.removeValue(forKey: RunFileNames.Curve.wallTime) ?? []
                        record.curves = curves.curves
                    }
                }
                if try root.hasMember(RunFileNames.tensorsGroup) {
                    try root.withGroup(RunFileNames.tensorsGroup) { group in
                        try readTensors(in: group, prefix: "", into: &record.tensors)
                    }
                }
                if try root.hasMember(RunFileNames.seriesGroup) {
                    try root.withGroup(RunFileNames.seriesGroup) { group in
                        for name in try group.memberNames() {
                            try expect(.group, name, in: group)
                            let curves = try group.withGroup(name) { try readCurveGroup($0) }
                            record.series[name] = Series(steps: curves.steps, curves: curves.curves)
                        }
                    }
                }
                return record
            }
        }
    }

    /// Reads only the root attributes of the run file at `url`.
    public static func readAttributes(_ url: URL) throws -> [String: AttributeValue] {
        try HDF5File.openReadOnly(path: url.path).use { file in
            try file.withRoot { try readableAttributes($0) }
        }
    }

    /// Reads the root attributes and the value of each curve at the kept point
    /// (`RunFileHeader.keptIndex`), touching one element per curve unless early
    /// stopping restored an earlier point.
    public static func readHeader(_ url: URL) throws -> RunFileHeader {
        try HDF5File.openReadOnly(path: url.path).use { file in
            try file.withRoot { root in
                var header = RunFileHeader(attributes: try readableAttributes(root), finalCurveValues: [:], lastStep: nil)
                guard try root.hasMember(RunFileNames.curvesGroup) else { return header }
                if header.attributes[RunFileNames.Attribute.restoredStep] != nil {
                    let (steps, curves) = try root.withGroup(RunFileNames.curvesGroup) { try readCurveGroup($0) }
                    header.lastStep = steps.last
                    if let k = RunFileHeader.keptIndex(steps: steps, attributes: header.attributes) {
                        for (name, values) in curves where k < values.count { header.finalCurveValues[name] = values[k] }
                    }
                    return header
                }
                try root.withGroup(RunFileNames.curvesGroup) { group in
                    for name in try group.memberNames() {
                        try expect(.dataset, name, in: group)
                        guard let last = try group.readLastElement(name) else { continue }
                        if name == RunFileNames.Curve.step {
                            header.lastStep = Int64(exactly: last)
                        } else {
                            header.finalCurveValues[name] = last
                        }
                    }
                }
                return header
            }
        }
    }

    /// The root attributes, after checking that this build reads their schema version.
    private static func readableAttributes(_ root: HDF5Group) throws -> [String: AttributeValue] {
        let attributes = try root.readAttributes()
        try RunFileSchema.requireReadable(attributes, file: root.place.file)
        return attributes
    }

    /// A group of one-dimensional datasets: int64 `step` and float64 curves.
    private static func readCurveGroup(_ group: HDF5Group) throws -> (steps: [Int64], curves: [String: [Double]]) {
        var steps: [Int64] = []
        var curves: [String: [Double]] = [:]
        for name in try group.memberNames() {
            try expect(.dataset, name, in: group)
            let (shape, values) = try group.readDataset(name)
            let place = group.place.child(name)
            guard shape.count == 1 else { throw unsupported(place, "expected one dimension, found shape \(shape)") }
            switch (name == RunFileNames.Curve.step, values) {
            case (true, .int64(let v)): steps = v
            case (false, .float64(let v)): curves[name] = v
            default: throw unsupported(place, "unexpected element type \(values.dtypeName)")
            }
        }
        return (steps, curves)
    }

    private static func readTensors(in group: HDF5Group, prefix: String, into tensors: inout [String: StoredTensor]) throws {
        for name in try group.memberNames() {
            let key = prefix + name
            switch try group.memberKind(name) {
            case .group:
                try group.withGroup(name) { try readTensors(in: $0, prefix: key + "/", into: &tensors) }
            case .dataset:
                let (shape, values) = try group.readDataset(name)
                switch values {
                case .float32(let v): tensors[key] = StoredTensor(shape: shape, elements: .float32(v))
                case .float64(let v): tensors[key] = StoredTensor(shape: shape, elements: .float64(v))
                case .int64: throw unsupported(group.place.child(name), "tensor of element type int64")
                }
            case .other:
                throw unsupported(group.place.child(name), "neither a group nor a dataset")
            }
        }
    }

    private static func expect(_ kind: HDF5Group.MemberKind, _ name: String, in group: HDF5Group) throws {
        let found = try group.memberKind(name)
        guard found == kind else { throw unsupported(group.place.child(name), "expected a \(kind), found a \(found)") }
    }

    private static func unsupported(_ place: HDF5.Place, _ reason: String) -> RecordingError {
        .unsupportedContent(file: place.file, object: place.object, reason: reason)
    }
}
