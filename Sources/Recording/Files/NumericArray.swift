/// The elements of one stored dataset, in one of the element types run files use.
enum NumericArray: Equatable {
    case int64([Int64])
    case float32([Float])
    case float64([Double])

    /// The element type's name as numpy spells it (`int64`, `float32`, `float64`).
    var dtypeName: String {
        switch self {
        case .int64: return "int64"
        case .float32: return "float32"
        case .float64: return "float64"
        }
    }

    var count: Int {
        switch self {
        case .int64(let v): return v.count
        case .float32(let v): return v.count
        case .float64(let v): return v.count
        }
    }

    /// Calls `body` with the elements' bytes in memory (little-endian on every
    /// supported platform).
    func withRawBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch self {
        case .int64(let v): return try v.withUnsafeBytes(body)
        case .float32(let v): return try v.withUnsafeBytes(body)
        case .float64(let v): return try v.withUnsafeBytes(body)
        }
    }
}

extension StoredTensor {
    var numericArray: NumericArray {
        switch elements {
        case .float32(let v): return .float32(v)
        case .float64(let v): return .float64(v)
        }
    }

    /// The number of elements the shape calls for (1 for a scalar, shape `[]`).
    var shapeCount: Int { shape.reduce(1, *) }
}
