import CHDF5

/// Scalar attributes on a group.
///
/// Strings are written as variable-length UTF-8 (h5py reads them as `str`),
/// integers as `H5T_STD_I64LE` and doubles as `H5T_IEEE_F64LE`, each with a
/// scalar dataspace.
extension HDF5Group {
    /// Creates the attribute `name` holding `value`. Strings must not contain NUL.
    func writeAttribute(_ name: String, _ value: AttributeValue) throws {
        let place = self.place.attribute(name)
        try HDF5.dataspace([], place).use { space in
            switch value {
            case .string(let text):
                try Self.utf8StringType(place).use { type in
                    try createAttribute(name, type: type.id, space: space.id, place).use { attribute in
                        try text.withCString { characters in
                            var pointer: UnsafePointer<CChar>? = characters
                            try HDF5.check(H5Awrite(attribute.id, type.id, &pointer), place, "write attribute")
                        }
                    }
                }
            case .int(let number):
                try createAttribute(name, type: chdf5_t_std_i64le(), space: space.id, place).use { attribute in
                    var number = number
                    try HDF5.check(H5Awrite(attribute.id, chdf5_t_native_int64(), &number), place, "write attribute")
                }
            case .double(let number):
                try createAttribute(name, type: chdf5_t_ieee_f64le(), space: space.id, place).use { attribute in
                    var number = number
                    try HDF5.check(H5Awrite(attribute.id, chdf5_t_native_double(), &number), place, "write attribute")
                }
            }
        }
    }

    /// Reads every attribute of the group. Integer attributes become `.int`,
    /// floating-point ones `.double`, strings (variable or fixed length) `.string`.
    /// Attributes with more than one element are not supported.
    func readAttributes() throws -> [String: AttributeValue] {
        var result: [String: AttributeValue] = [:]
        for name in try attributeNames() {
            result[name] = try readAttribute(name)
        }
        return result
    }

    private func attributeNames() throws -> [String] {
        final class Names { var items: [String] = [] }
        let names = Names()
        var index: hsize_t = 0
        let status = withExtendedLifetime(names) {
            H5Aiterate2(handle.id, H5_INDEX_NAME, H5_ITER_INC, &index, { _, name, _, data in
                guard let name, let data else { return -1 }
                Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().items.append(String(cString: name))
                return 0
            }, Unmanaged.passUnretained(names).toOpaque())
        }
        try HDF5.check(status, place, "list attributes")
        return names.items
    }

    private func readAttribute(_ name: String) throws -> AttributeValue {
        let place = self.place.attribute(name)
        let id = try HDF5.checkID(H5Aopen(handle.id, name, HDF5.defaultList), place, "open attribute")
        return try HDF5Handle(id, place: place, closer: H5Aclose).use { attribute in
            let spaceID = try HDF5.checkID(H5Aget_space(attribute.id), place, "get attribute dataspace")
            let points = try HDF5Handle(spaceID, place: place, closer: H5Sclose).use { space in
                let count = H5Sget_simple_extent_npoints(space.id)
                guard count >= 0 else { throw place.error("count attribute elements") }
                return count
            }
            guard points == 1 else {
                throw RecordingError.unsupportedContent(file: place.file, object: place.object,
                                                        reason: "attribute holds \(points) elements, expected one")
            }
            let typeID = try HDF5.checkID(H5Aget_type(attribute.id), place, "get attribute datatype")
            return try HDF5Handle(typeID, place: place, closer: H5Tclose).use { type in
                switch H5Tget_class(type.id) {
                case H5T_STRING:
                    return .string(try readString(attribute, type: type))
                case H5T_INTEGER:
                    var number: Int64 = 0
                    try HDF5.check(H5Aread(attribute.id, chdf5_t_native_int64(), &number), place, "read attribute")
                    return .int(number)
                case H5T_FLOAT:
                    var number = 0.0
                    try HDF5.check(H5Aread(attribute.id, chdf5_t_native_double(), &number), place, "read attribute")
                    return .double(number)
                case H5T_NO_CLASS:
                    throw place.error("get attribute datatype class")
                default:
                    throw RecordingError.unsupportedContent(file: place.file, object: place.object,
                                                            reason: "attribute is not a string, integer or float")
                }
            }
        }
    }

    private func readString(_ attribute: HDF5Handle, type: HDF5Handle) throws -> String {
        let place = attribute.place
        if try HDF5.checkBool(H5Tis_variable_str(type.id), place, "inspect string type") {
            return try Self.utf8StringType(place).use { memoryType in
                var pointer: UnsafeMutablePointer<CChar>? = nil
                try HDF5.check(H5Aread(attribute.id, memoryType.id, &pointer), place, "read attribute")
                guard let pointer else { return "" }
                defer { H5free_memory(pointer) }
                return String(cString: pointer)
            }
        }
        // Fixed-length strings (as written by other tools): read the bytes, stop at the first NUL.
        let size = H5Tget_size(type.id)
        guard size > 0 else { throw place.error("get string size") }
        var bytes = [UInt8](repeating: 0, count: size)
        try HDF5.check(H5Aread(attribute.id, type.id, &bytes), place, "read attribute")
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    private func createAttribute(_ name: String, type: hid_t, space: hid_t, _ place: HDF5.Place) throws -> HDF5Handle {
        let id = try HDF5.checkID(H5Acreate2(handle.id, name, type, space, HDF5.defaultList, HDF5.defaultList), place,
                                  "create attribute")
        return HDF5Handle(id, place: place, closer: H5Aclose)
    }

    /// A variable-length, NUL-terminated UTF-8 string type.
    private static func utf8StringType(_ place: HDF5.Place) throws -> HDF5Handle {
        let id = try HDF5.checkID(H5Tcopy(chdf5_t_c_s1()), place, "copy string type")
        let type = HDF5Handle(id, place: place, closer: H5Tclose)
        try HDF5.check(H5Tset_size(id, chdf5_t_variable()), place, "set string size")
        try HDF5.check(H5Tset_cset(id, H5T_CSET_UTF8), place, "set string character set")
        return type
    }
}
