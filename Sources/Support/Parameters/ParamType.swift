/// The declared type of a component parameter; it decides how a value given
/// in a grid is read, checked and printed.
public enum ParamType: Sendable, Hashable {
    /// A finite floating-point number in the range; integers are accepted.
    case double(ValueRange)
    /// An integer in the range; whole numbers written as reals are accepted.
    case int(ValueRange)
    case bool
    /// One of the listed strings.
    case choice([String])
    /// A non-empty list of integers, each in the range; a single integer
    /// stands for a one-element list. In a grid a list of lists is a sub-axis
    /// of this parameter.
    case intList(ValueRange)
    /// A file path; grids resolve relative paths against the grid file's
    /// folder and require the file to exist.
    case path

    /// Short human name used in messages and documentation.
    public var summary: String {
        switch self {
        case let .double(r): return r == .any ? "number" : "number \(r)"
        case let .int(r): return r == .any ? "integer" : "integer \(r)"
        case .bool: return "true or false"
        case let .choice(values): return "one of " + values.joined(separator: ", ")
        case let .intList(r): return r == .any ? "list of integers" : "list of integers, each \(r)"
        case .path: return "file path"
        }
    }

    /// The numeric range of the type, if it has one.
    public var range: ValueRange? {
        switch self {
        case let .double(r), let .int(r), let .intList(r): return r
        default: return nil
        }
    }

    /// Values at and just beyond each end of the numeric range, with whether
    /// the type accepts them; tests use them to show that every validator
    /// agrees on the bounds. Integer types step by 1, reals by a relative 1e-9.
    public var boundaryProbes: [(value: ParamValue, accepted: Bool)] {
        guard let r = range else { return [] }
        let integral: Bool
        switch self {
        case .int, .intList: integral = true
        default: integral = false
        }
        func wrap(_ x: Double) -> ParamValue {
            guard integral else { return .double(x) }
            if case .intList = self { return .intList([Int(x)]) }
            return .int(Int(x))
        }
        var out: [(ParamValue, Bool)] = []
        for (end, inward) in [(r.lower, 1.0), (r.upper, -1.0)] {
            guard let end else { continue }
            let step = integral ? 1 : Swift.max(abs(end.value) * 1e-9, 1e-12)
            let (at, inside) = (end.value, end.value + inward * step)
            let outside = end.value - inward * step
            if end.isClosed {
                out.append((wrap(at), true))
                out.append((wrap(outside), false))
            } else {
                out.append((wrap(at), false))
                out.append((wrap(inside), true))
            }
        }
        return out
    }

    /// `value` in canonical form (reals as `.double` with negative zero folded,
    /// integers as `.int`, a lone integer as a one-element list), or a reason
    /// it does not fit, worded as the tail of "parameter x ...".
    public func check(_ value: ParamValue) -> Result<ParamValue, ParamCheckFailure> {
        func expected(_ what: String) -> Result<ParamValue, ParamCheckFailure> {
            .failure(ParamCheckFailure("expected \(what), got \(value)"))
        }
        func outside(_ r: ValueRange, _ shown: String) -> Result<ParamValue, ParamCheckFailure> {
            .failure(ParamCheckFailure("must be \(r), got \(shown)"))
        }
        switch self {
        case let .double(r):
            guard let x = value.doubleValue else { return expected("a number") }
            guard x.isFinite else { return .failure(ParamCheckFailure("must be a finite number, got \(value)")) }
            guard r.contains(x) else { return outside(r, "\(value)") }
            return .success(.double(x == 0 ? 0 : x))
        case let .int(r):
            guard let n = value.intValue else { return expected("an integer") }
            guard r.contains(Double(n)) else { return outside(r, "\(n)") }
            return .success(.int(n))
        case .bool:
            guard let b = value.boolValue else { return expected("true or false") }
            return .success(.bool(b))
        case let .choice(values):
            guard let s = value.stringValue, values.contains(s) else {
                let near = value.stringValue.flatMap { NearestName.nearest(to: $0, in: values) }
                return .failure(ParamCheckFailure("expected one of \(values.joined(separator: ", ")), got \(value)"
                                                  + (near.map { "; did you mean '\($0)'?" } ?? "")))
            }
            return .success(.string(s))
        case let .intList(r):
            guard let list = value.intListValue else { return expected(summary) }
            guard !list.isEmpty else { return .failure(ParamCheckFailure("must not be empty")) }
            if let bad = list.first(where: { !r.contains(Double($0)) }) { return outside(r, "\(bad) in \(value)") }
            return .success(.intList(list))
        case .path:
            guard let s = value.stringValue, !s.isEmpty else { return expected("a file path") }
            return .success(.string(s))
        }
    }
}

/// Why a value does not fit a parameter's declared type or range.
public struct ParamCheckFailure: Error, Sendable, Equatable {
    /// Reads as the tail of "parameter x ...": `must be > 0, got -1`.
    public let message: String
    public init(_ message: String) { self.message = message }
}
