/// Strict UTF-8 decoding that reports where invalid input starts.
enum TextDecoding {
    /// The Unicode scalars of `bytes`, or `DatasetError.invalidText` at the first bad byte.
    static func scalars(_ bytes: [UInt8], path: String) throws -> [Unicode.Scalar] {
        if !bytes.contains(where: { $0 >= 0x80 }) {
            return bytes.map { Unicode.Scalar($0) }
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bytes.count)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error:
                throw DatasetError.invalidText(path: path, offset: offset, expected: "UTF-8 text")
            case .emptyInput:
                return out
            }
        }
    }
}
