import Foundation

/// A data set the registry can load: its id, its parameters, and how to build it.
///
/// Adding a data set is one type conforming to this protocol plus one line in
/// `DatasetRegistry.builders`.
protocol DatasetBuilder: Sendable {
    static var id: String { get }
    static var parameters: [ParameterSpec] { get }
    /// Builds the data set; `params` are already validated and complete.
    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset
}
