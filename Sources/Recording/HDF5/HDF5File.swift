import CHDF5

/// An open HDF5 file.
///
/// Files are opened with the "semi" close degree: closing fails, instead of
/// silently deferring, while a group, dataset or attribute is still open, so a
/// leaked identifier cannot leave a file half-flushed.
final class HDF5File {
    let path: String
    private let handle: HDF5Handle

    private init(path: String, handle: HDF5Handle) {
        self.path = path; self.handle = handle
    }

    /// Creates `path`, replacing any file of that name.
    static func create(path: String) throws -> HDF5File {
        HDF5.silenceErrorPrinting()
        let place = HDF5.Place(file: path, object: "/")
        return try accessList(place).use { access in
            // The root group's creation properties live in the file-creation list.
            try HDF5.untimedCreationList(chdf5_p_file_create(), place).use { creation in
                let id = try HDF5.checkID(H5Fcreate(path, chdf5_f_acc_trunc(), creation.id, access.id), place,
                                          "create file")
                return HDF5File(path: path, handle: HDF5Handle(id, place: place, closer: H5Fclose))
            }
        }
    }

    /// Opens an existing file for reading.
    static func openReadOnly(path: String) throws -> HDF5File {
        HDF5.silenceErrorPrinting()
        let place = HDF5.Place(file: path, object: "/")
        return try accessList(place).use { access in
            let id = try HDF5.checkID(H5Fopen(path, chdf5_f_acc_rdonly(), access.id), place, "open file")
            return HDF5File(path: path, handle: HDF5Handle(id, place: place, closer: H5Fclose))
        }
    }

    /// Runs `body` with the file, then closes it; the file is closed (quietly)
    /// also when `body` throws.
    func use<Result>(_ body: (HDF5File) throws -> Result) throws -> Result {
        try handle.use { _ in try body(self) }
    }

    /// Runs `body` with the root group open.
    func withRoot<Result>(_ body: (HDF5Group) throws -> Result) throws -> Result {
        let place = HDF5.Place(file: path, object: "/")
        let id = try HDF5.checkID(H5Gopen2(handle.id, "/", HDF5.defaultList), place, "open root group")
        return try HDF5Group(HDF5Handle(id, place: place, closer: H5Gclose)).use(body)
    }

    private static func accessList(_ place: HDF5.Place) throws -> HDF5Handle {
        let id = try HDF5.checkID(H5Pcreate(chdf5_p_file_access()), place, "create file-access property list")
        let list = HDF5Handle(id, place: place, closer: H5Pclose)
        try HDF5.check(H5Pset_fclose_degree(id, H5F_CLOSE_SEMI), place, "set file close degree")
        return list
    }
}

extension HDF5 {
    /// An object-creation property list (of class `classID`) that does not
    /// record modification times, so the same content gives the same file bytes.
    static func untimedCreationList(_ classID: hid_t, _ place: Place) throws -> HDF5Handle {
        let id = try checkID(H5Pcreate(classID), place, "create object-creation property list")
        let list = HDF5Handle(id, place: place, closer: H5Pclose)
        try check(H5Pset_obj_track_times(id, false), place, "turn off time tracking")
        return list
    }

    /// A dataspace of `shape`: scalar for `[]`, simple (fixed size) otherwise.
    static func dataspace(_ shape: [Int], _ place: Place) throws -> HDF5Handle {
        let id: hid_t
        if shape.isEmpty {
            id = H5Screate(H5S_SCALAR)
        } else {
            let dims = shape.map { hsize_t($0) }
            id = H5Screate_simple(Int32(dims.count), dims, nil)
        }
        return HDF5Handle(try checkID(id, place, "create dataspace \(shape)"), place: place, closer: H5Sclose)
    }

    /// The shape of a dataspace (`[]` for scalar); throws for null dataspaces.
    static func shape(ofSpace space: hid_t, _ place: Place) throws -> [Int] {
        switch H5Sget_simple_extent_type(space) {
        case H5S_SCALAR:
            return []
        case H5S_SIMPLE:
            let rank = H5Sget_simple_extent_ndims(space)
            guard rank >= 0 else { throw place.error("get rank") }
            var dims = [hsize_t](repeating: 0, count: Int(rank))
            guard H5Sget_simple_extent_dims(space, &dims, nil) >= 0 else { throw place.error("get dimensions") }
            return dims.map { Int($0) }
        case H5S_NULL:
            throw RecordingError.unsupportedContent(file: place.file, object: place.object, reason: "empty (null) dataspace")
        default:
            throw place.error("get dataspace class")
        }
    }
}
