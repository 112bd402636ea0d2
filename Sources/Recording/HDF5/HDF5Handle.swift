import CHDF5

/// An open HDF5 identifier that is closed exactly once.
///
/// `close()` reports a failed close as an error; an identifier still open when
/// the handle is released (after an error elsewhere) is closed quietly.
final class HDF5Handle {
    typealias Closer = @convention(c) (hid_t) -> herr_t

    let id: hid_t
    let place: HDF5.Place
    private let closer: Closer
    private var isOpen = true

    init(_ id: hid_t, place: HDF5.Place, closer: Closer) {
        self.id = id; self.place = place; self.closer = closer
    }

    func close() throws {
        guard isOpen else { return }
        isOpen = false
        try HDF5.check(closer(id), place, "close")
    }

    func closeQuietly() {
        guard isOpen else { return }
        isOpen = false
        if closer(id) < 0 { _ = H5Eclear2(chdf5_e_default()) }
    }

    deinit { closeQuietly() }

    /// Runs `body` with the handle, then closes it (quietly if `body` threw, so
    /// the first error is the one reported).
    func use<Result>(_ body: (HDF5Handle) throws -> Result) throws -> Result {
        let result: Result
        do { result = try body(self) } catch { closeQuietly(); throw error }
        try close()
        return result
    }
}
