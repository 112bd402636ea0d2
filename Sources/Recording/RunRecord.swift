/// Everything one run file holds (DESIGN section 6), independent of HDF5.
///
/// Layout in the file:
/// - root attributes: `attributes` (strings, integers or doubles);
/// - `/curves/step` (int64) and one float64 dataset per entry of `curves`, all of
///   the same length as `steps`; `/curves/wall_time` (float64, not in the digest);
/// - `/tensors/<key>` for each entry of `tensors` (keys such as
///   `initial/fc1.weight`), stored in their own dtype with their shape;
/// - `/series/<group>/step` and `/series/<group>/<name>` for curves sampled on a
///   schedule of their own (for example Hessian diagnostics).
///
/// On disk, string attributes are scalar variable-length UTF-8 strings (h5py reads
/// them as `str`), integers `H5T_STD_I64LE`, doubles `H5T_IEEE_F64LE`; all data is
/// little-endian. `RunFileWriter` writes it, `RunFileReader` reads it back exactly,
/// and `RunDigest` defines the `digest` attribute.
public struct RunRecord: Sendable, Equatable {
    public var attributes: [String: AttributeValue]
    public var steps: [Int64]
    public var curves: [String: [Double]]
    public var wallTime: [Double]
    public var tensors: [String: StoredTensor]
    public var series: [String: Series]

    public init(attributes: [String: AttributeValue] = [:], steps: [Int64] = [], curves: [String: [Double]] = [:],
                wallTime: [Double] = [], tensors: [String: StoredTensor] = [:], series: [String: Series] = [:]) {
        self.attributes = attributes; self.steps = steps; self.curves = curves
        self.wallTime = wallTime; self.tensors = tensors; self.series = series
    }

    /// The string attribute `name`, if present.
    public func string(_ name: String) -> String? {
        if case .string(let s)? = attributes[name] { return s }
        return nil
    }

    /// The integer attribute `name`, if present.
    public func int(_ name: String) -> Int64? {
        if case .int(let v)? = attributes[name] { return v }
        return nil
    }

    /// The double attribute `name` (integers are converted), if present.
    public func double(_ name: String) -> Double? {
        switch attributes[name] {
        case .double(let v)?: return v
        case .int(let v)?: return Double(v)
        default: return nil
        }
    }
}

/// A root attribute value of a run file.
public enum AttributeValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case double(Double)
}

/// A tensor as stored in a run file: its shape and its elements in row-major order.
public struct StoredTensor: Sendable, Equatable {
    public enum Elements: Sendable, Equatable {
        case float32([Float])
        case float64([Double])
    }
    public var shape: [Int]
    public var elements: Elements

    public init(shape: [Int], elements: Elements) {
        self.shape = shape; self.elements = elements
    }

    /// The elements widened to `Double`.
    public var doubles: [Double] {
        switch elements {
        case .float32(let v): return v.map(Double.init)
        case .float64(let v): return v
        }
    }
}

/// Curves sampled at their own steps (a group under `/series`).
public struct Series: Sendable, Equatable {
    public var steps: [Int64]
    public var curves: [String: [Double]]
    public init(steps: [Int64] = [], curves: [String: [Double]] = [:]) {
        self.steps = steps; self.curves = curves
    }
}
