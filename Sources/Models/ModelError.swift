/// A model configuration that cannot be built: an unknown model or parameter, a
/// value of the wrong type, an impossible size, or data the model cannot read.
/// The message names the offending key and, for misspellings, the nearest valid name.
public struct ModelError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The model id the error is about (or the unknown id itself).
    public let model: String
    /// The parameter key at fault, or nil when the model id or the data is at fault.
    public let key: String?
    public let message: String

    public init(model: String, key: String?, message: String) {
        self.model = model; self.key = key; self.message = message
    }

    public var description: String { message }
}
