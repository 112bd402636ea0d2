import CHDF5

/// Constants and return-code checks shared by the HDF5 wrapper types.
///
/// HDF5 reports failure with a negative return value and records the reason on a
/// per-thread error stack; `check` turns both into a `RecordingError`.
enum HDF5 {
    static var defaultList: hid_t { chdf5_p_default() }
    static var all: hid_t { chdf5_s_all() }

    /// Where in which file an HDF5 call operates, for error messages.
    struct Place: Sendable {
        var file: String
        var object: String

        func child(_ name: String) -> Place {
            Place(file: file, object: object.hasSuffix("/") ? object + name : object + "/" + name)
        }

        func attribute(_ name: String) -> Place {
            Place(file: file, object: object + "@" + name)
        }

        func error(_ operation: String) -> RecordingError {
            .hdf5(file: file, object: object, operation: operation, detail: HDF5.takeErrorDetail())
        }
    }

    /// Turns off HDF5's printing of its error stack to stderr for the calling
    /// thread (the stack is per thread in the thread-safe build): failures are
    /// reported through thrown errors instead.
    static func silenceErrorPrinting() {
        _ = H5Eset_auto2(chdf5_e_default(), nil, nil)
    }

    /// Throws if `status` (an `herr_t`) is negative.
    static func check(_ status: herr_t, _ place: Place, _ operation: @autoclosure () -> String) throws {
        if status < 0 { throw place.error(operation()) }
    }

    /// Returns `id` or throws if it is negative (invalid).
    static func checkID(_ id: hid_t, _ place: Place, _ operation: @autoclosure () -> String) throws -> hid_t {
        if id < 0 { throw place.error(operation()) }
        return id
    }

    /// Returns the truth value of an `htri_t`, or throws if it is negative.
    static func checkBool(_ value: htri_t, _ place: Place, _ operation: @autoclosure () -> String) throws -> Bool {
        if value < 0 { throw place.error(operation()) }
        return value > 0
    }

    /// The calling thread's HDF5 error stack as one line, innermost cause first,
    /// then clears the stack.
    static func takeErrorDetail() -> String {
        final class Lines { var items: [String] = [] }
        let lines = Lines()
        let status = withExtendedLifetime(lines) {
            H5Ewalk2(chdf5_e_default(), H5E_WALK_UPWARD, { _, entry, data in
                guard let entry, let data else { return 0 }
                let lines = Unmanaged<Lines>.fromOpaque(data).takeUnretainedValue()
                let function = entry.pointee.func_name.map { String(cString: $0) } ?? "?"
                let text = entry.pointee.desc.map { String(cString: $0) } ?? ""
                lines.items.append("\(function): \(text)")
                return 0
            }, Unmanaged.passUnretained(lines).toOpaque())
        }
        _ = H5Eclear2(chdf5_e_default())
        if status < 0 || lines.items.isEmpty { return "" }
        // The innermost entry says what went wrong; the outermost names the API call.
        if lines.items.count == 1 { return lines.items[0] }
        return lines.items[0] + " (in " + lines.items[lines.items.count - 1] + ")"
    }
}
