/// An array in the IDX format of the MNIST and Fashion-MNIST files.
///
/// Layout (LeCun, Cortes and Burges, "The MNIST database", file format section):
/// two zero bytes, a type byte (0x08 ubyte, 0x09 sbyte, 0x0B int16, 0x0C int32,
/// 0x0D float32, 0x0E float64), the number of dimensions, then each dimension as
/// a big-endian 32-bit integer, then the values in big-endian, row-major order.
struct IDXFile {
    /// Element types and their sizes in bytes.
    enum ElementType: UInt8 {
        case ubyte = 0x08, sbyte = 0x09, int16 = 0x0B, int32 = 0x0C, float32 = 0x0D, float64 = 0x0E

        var size: Int {
            switch self {
            case .ubyte, .sbyte: return 1
            case .int16: return 2
            case .int32, .float32: return 4
            case .float64: return 8
            }
        }

        var isInteger: Bool { self != .float32 && self != .float64 }
    }

    let type: ElementType
    let dimensions: [Int]
    /// The values as `Float` (exact for the byte and int16 types and for int32 below 2^24).
    let values: [Float]

    /// Parses `bytes` read from `path`, checking header and size.
    init(bytes: [UInt8], path: String) throws {
        guard bytes.count >= 4 else {
            throw DatasetError.malformedIDX(path: path, offset: bytes.count,
                                            expected: "a 4-byte header (0, 0, type, dimensions), file has \(bytes.count) bytes")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DatasetError.malformedIDX(path: path, offset: 0, expected: "magic number starting with two zero bytes")
        }
        guard let type = ElementType(rawValue: bytes[2]) else {
            throw DatasetError.malformedIDX(path: path, offset: 2,
                                            expected: "type byte 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E, found 0x" + String(bytes[2], radix: 16))
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else {
            throw DatasetError.malformedIDX(path: path, offset: 3, expected: "at least one dimension")
        }
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else {
            throw DatasetError.malformedIDX(path: path, offset: bytes.count,
                                            expected: "\(rank) dimension sizes (header of \(headerSize) bytes)")
        }
        var dimensions: [Int] = []
        var total = 1
        for d in 0..<rank {
            let o = 4 + 4 * d
            let size = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dimensions.append(size)
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= bytes.count else {
                throw DatasetError.malformedIDX(path: path, offset: o,
                                                expected: "dimension sizes whose product fits the file (\(bytes.count) bytes)")
            }
            total = product
        }
        let expectedBytes = total * type.size
        let actualBytes = bytes.count - headerSize
        let shape = dimensions.map(String.init).joined(separator: "x")
        if actualBytes < expectedBytes {
            throw DatasetError.malformedIDX(path: path, offset: bytes.count,
                                            expected: "\(expectedBytes) data bytes for shape \(shape), file ends after \(actualBytes)")
        }
        if actualBytes > expectedBytes {
            throw DatasetError.malformedIDX(path: path, offset: headerSize + expectedBytes,
                                            expected: "end of file after \(expectedBytes) data bytes for shape \(shape), found \(actualBytes - expectedBytes) more")
        }
        self.type = type
        self.dimensions = dimensions
        self.values = IDXFile.decode(bytes, from: headerSize, count: total, type: type)
    }

    private static func decode(_ bytes: [UInt8], from start: Int, count: Int, type: ElementType) -> [Float] {
        var out = [Float](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { b in
            for i in 0..<count {
                let o = start + i * type.size
                switch type {
                case .ubyte: out[i] = Float(b[o])
                case .sbyte: out[i] = Float(Int8(bitPattern: b[o]))
                case .int16: out[i] = Float(Int16(bitPattern: UInt16(b[o]) << 8 | UInt16(b[o + 1])))
                case .int32: out[i] = Float(Int32(bitPattern: bigEndian32(b, o)))
                case .float32: out[i] = Float(bitPattern: bigEndian32(b, o))
                case .float64:
                    let bits = UInt64(bigEndian32(b, o)) << 32 | UInt64(bigEndian32(b, o + 4))
                    out[i] = Float(Double(bitPattern: bits))
                }
            }
        }
        return out
    }

    private static func bigEndian32(_ b: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 {
        UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
    }
}
