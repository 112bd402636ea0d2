import CHDF5

/// An open HDF5 group: creates and lists its members.
///
/// Member names are single path components; the caller walks deeper paths one
/// group at a time so that every failure names the exact object.
struct HDF5Group {
    /// What a group member is.
    enum MemberKind { case group, dataset, other }

    let handle: HDF5Handle
    var place: HDF5.Place { handle.place }

    init(_ handle: HDF5Handle) { self.handle = handle }

    /// Runs `body` with the group, then closes it.
    func use<Result>(_ body: (HDF5Group) throws -> Result) throws -> Result {
        try handle.use { _ in try body(self) }
    }

    /// Creates the member group `name` and runs `body` with it.
    func withNewGroup<Result>(_ name: String, _ body: (HDF5Group) throws -> Result) throws -> Result {
        let place = self.place.child(name)
        let group = try HDF5.untimedCreationList(chdf5_p_group_create(), place).use { creation in
            let id = try HDF5.checkID(H5Gcreate2(handle.id, name, HDF5.defaultList, creation.id, HDF5.defaultList),
                                      place, "create group")
            return HDF5Group(HDF5Handle(id, place: place, closer: H5Gclose))
        }
        return try group.use(body)
    }

    /// Opens the member group `name` and runs `body` with it.
    func withGroup<Result>(_ name: String, _ body: (HDF5Group) throws -> Result) throws -> Result {
        let place = self.place.child(name)
        let id = try HDF5.checkID(H5Gopen2(handle.id, name, HDF5.defaultList), place, "open group")
        return try HDF5Group(HDF5Handle(id, place: place, closer: H5Gclose)).use(body)
    }

    /// Opens the member group `name`, creating it if there is no member of that name.
    func withGroup<Result>(creatingIfMissing name: String, _ body: (HDF5Group) throws -> Result) throws -> Result {
        try hasMember(name) ? withGroup(name, body) : withNewGroup(name, body)
    }

    /// True if a link called `name` exists in this group.
    func hasMember(_ name: String) throws -> Bool {
        try HDF5.checkBool(H5Lexists(handle.id, name, HDF5.defaultList), place.child(name), "look up link")
    }

    /// The names of all members, in byte order of their names.
    func memberNames() throws -> [String] {
        var info = H5G_info_t()
        try HDF5.check(H5Gget_info(handle.id, &info), place, "get group info")
        var names: [String] = []
        for index in 0..<info.nlinks {
            let length = H5Lget_name_by_idx(handle.id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, HDF5.defaultList)
            guard length >= 0 else { throw place.error("get name of member \(index)") }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            let got = H5Lget_name_by_idx(handle.id, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count,
                                         HDF5.defaultList)
            guard got >= 0 else { throw place.error("get name of member \(index)") }
            names.append(String(decoding: buffer.prefix(Int(got)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    /// Whether the member `name` is a group, a dataset or something else.
    func memberKind(_ name: String) throws -> MemberKind {
        let place = self.place.child(name)
        let id = try HDF5.checkID(H5Oopen(handle.id, name, HDF5.defaultList), place, "open object")
        return try HDF5Handle(id, place: place, closer: H5Oclose).use { object in
            switch H5Iget_type(object.id) {
            case H5I_GROUP: return .group
            case H5I_DATASET: return .dataset
            case H5I_BADID: throw place.error("get object type")
            default: return .other
            }
        }
    }
}
