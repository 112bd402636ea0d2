import Support
/// A data set named by registry id together with the parameters a grid gave it.
public struct DatasetSpec: Sendable, Equatable {
    /// Registry id, e.g. `digits` or `blobs`.
    public let id: String
    /// Parameters as written; missing ones take the documented defaults.
    public let params: [String: ParamValue]

    /// A spec for data set `id` with the given parameters.
    public init(id: String, params: [String: ParamValue] = [:]) {
        self.id = id
        self.params = params
    }
}
