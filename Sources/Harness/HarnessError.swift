import GridLanguage
/// Errors of the harness that reach the user; each names what to fix.
public enum HarnessError: Error, CustomStringConvertible, Sendable {
    /// Bad user input (grid, options, cell combination): exit status 2.
    case input(String)
    /// A results folder is being written by another `bench run`.
    case locked(directory: String)
    /// A file or folder could not be read or written.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .input(let m): return m
        case .locked(let d): return "\(d): another bench run is writing this results folder (lock held on \(d)/.lock)"
        case .io(let p, let r): return "\(p): \(r)"
        }
    }
}
