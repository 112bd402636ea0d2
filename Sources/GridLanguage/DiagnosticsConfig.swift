import Support
/// Optional measurements taken during training (`train.diagnostics`).
public struct DiagnosticsConfig: Sendable, Hashable {
    /// Hessian spectrum estimates, when requested.
    public let hessian: HessianDiagnostics?

    /// Diagnostics with the given Hessian settings (nil: none).
    public init(hessian: HessianDiagnostics?) { self.hessian = hessian }

    /// The keys `train.diagnostics` accepts.
    static let keys = ["hessian"]

    var json: JSONValue {
        var fields: [String: JSONValue] = [:]
        if let hessian { fields["hessian"] = hessian.json }
        return .object(fields)
    }
}
