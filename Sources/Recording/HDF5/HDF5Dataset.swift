import CHDF5

/// Dataset reading and writing on a group.
///
/// Data is stored little-endian (`H5T_STD_I64LE`, `H5T_IEEE_F32LE`,
/// `H5T_IEEE_F64LE`) in contiguous layout, so any HDF5 reader sees plain arrays.
extension HDF5Group {
    /// Creates the member dataset `name` of `shape` holding `values` (row-major).
    func writeDataset(_ name: String, shape: [Int], values: NumericArray) throws {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not match \(values.count) elements")
        let place = self.place.child(name)
        let (fileType, memoryType) = Self.types(of: values)
        try HDF5.dataspace(shape, place).use { space in
            try HDF5.untimedCreationList(chdf5_p_dataset_create(), place).use { creation in
                let id = try HDF5.checkID(H5Dcreate2(handle.id, name, fileType, space.id, HDF5.defaultList, creation.id,
                                                     HDF5.defaultList), place, "create dataset")
                try HDF5Handle(id, place: place, closer: H5Dclose).use { dataset in
                    // A zero-size dataset has nothing to write (and its buffer may have no address).
                    guard values.count > 0 else { return }
                    try values.withRawBytes { bytes in
                        try HDF5.check(H5Dwrite(dataset.id, memoryType, HDF5.all, HDF5.all, HDF5.defaultList,
                                                bytes.baseAddress), place, "write dataset")
                    }
                }
            }
        }
    }

    /// Reads the member dataset `name`: its shape and elements. Integers must be
    /// signed 64-bit and floats 32- or 64-bit.
    func readDataset(_ name: String) throws -> (shape: [Int], values: NumericArray) {
        let place = self.place.child(name)
        return try withDataset(name) { dataset in
            let shape = try withSpace(of: dataset) { try HDF5.shape(ofSpace: $0.id, place) }
            let count = shape.reduce(1, *)
            switch try elementKind(of: dataset) {
            case .int64:
                var values = [Int64](repeating: 0, count: count)
                try read(dataset, into: &values, chdf5_t_native_int64())
                return (shape, .int64(values))
            case .float32:
                var values = [Float](repeating: 0, count: count)
                try read(dataset, into: &values, chdf5_t_native_float())
                return (shape, .float32(values))
            case .float64:
                var values = [Double](repeating: 0, count: count)
                try read(dataset, into: &values, chdf5_t_native_double())
                return (shape, .float64(values))
            }
        }
    }

    /// The last element of the one-dimensional numeric dataset `name`, converted
    /// to `Double`, reading only that element; nil when the dataset is empty.
    func readLastElement(_ name: String) throws -> Double? {
        let place = self.place.child(name)
        return try withDataset(name) { dataset in
            _ = try elementKind(of: dataset)
            return try withSpace(of: dataset) { space -> Double? in
                let shape = try HDF5.shape(ofSpace: space.id, place)
                guard shape.count == 1 else {
                    throw RecordingError.unsupportedContent(file: place.file, object: place.object,
                                                            reason: "expected one dimension, found shape \(shape)")
                }
                guard shape[0] > 0 else { return nil }
                var start = [hsize_t(shape[0] - 1)]
                var count: [hsize_t] = [1]
                try HDF5.check(H5Sselect_hyperslab(space.id, H5S_SELECT_SET, &start, nil, &count, nil), place,
                               "select last element")
                return try HDF5.dataspace([1], place).use { memory in
                    var value = 0.0
                    try HDF5.check(H5Dread(dataset.id, chdf5_t_native_double(), memory.id, space.id, HDF5.defaultList,
                                           &value), place, "read last element")
                    return value
                }
            }
        }
    }

    private enum ElementKind { case int64, float32, float64 }

    private func withDataset<Result>(_ name: String, _ body: (HDF5Handle) throws -> Result) throws -> Result {
        let place = self.place.child(name)
        let id = try HDF5.checkID(H5Dopen2(handle.id, name, HDF5.defaultList), place, "open dataset")
        return try HDF5Handle(id, place: place, closer: H5Dclose).use(body)
    }

    private func withSpace<Result>(of dataset: HDF5Handle, _ body: (HDF5Handle) throws -> Result) throws -> Result {
        let id = try HDF5.checkID(H5Dget_space(dataset.id), dataset.place, "get dataspace")
        return try HDF5Handle(id, place: dataset.place, closer: H5Sclose).use(body)
    }

    private func elementKind(of dataset: HDF5Handle) throws -> ElementKind {
        let place = dataset.place
        let id = try HDF5.checkID(H5Dget_type(dataset.id), place, "get datatype")
        return try HDF5Handle(id, place: place, closer: H5Tclose).use { type in
            let size = H5Tget_size(type.id)
            switch H5Tget_class(type.id) {
            case H5T_INTEGER where size == 8 && H5Tget_sign(type.id) == H5T_SGN_2:
                return .int64
            case H5T_FLOAT where size == 4:
                return .float32
            case H5T_FLOAT where size == 8:
                return .float64
            case H5T_NO_CLASS:
                throw place.error("get datatype class")
            default:
                throw RecordingError.unsupportedContent(file: place.file, object: place.object,
                                                        reason: "element type is not int64, float32 or float64")
            }
        }
    }

    private func read<Element>(_ dataset: HDF5Handle, into values: inout [Element], _ memoryType: hid_t) throws {
        guard !values.isEmpty else { return }
        try values.withUnsafeMutableBytes { bytes in
            try HDF5.check(H5Dread(dataset.id, memoryType, HDF5.all, HDF5.all, HDF5.defaultList, bytes.baseAddress),
                           dataset.place, "read dataset")
        }
    }

    private static func types(of values: NumericArray) -> (file: hid_t, memory: hid_t) {
        switch values {
        case .int64: return (chdf5_t_std_i64le(), chdf5_t_native_int64())
        case .float32: return (chdf5_t_ieee_f32le(), chdf5_t_native_float())
        case .float64: return (chdf5_t_ieee_f64le(), chdf5_t_native_double())
        }
    }
}
