import Foundation
import Support

/// A data set the registry can load: its declaration (id, parameters with
/// defaults and bounds, traits) and how to build it.
///
/// Adding a data set is one type conforming to this protocol plus one line in
/// `DatasetRegistry.builders`.
protocol DatasetBuilder: Sendable {
    /// The data set's one declaration; grids, `bench catalog` and loading read it.
    static var declaration: ComponentDeclaration { get }
    /// Builds the data set; `params` are already validated and complete.
    static func build(_ params: ResolvedParams, seed: UInt64, dataRoot: URL) throws -> Dataset
    /// Sizes known from the parameters alone (default nil: only the files tell).
    static func shape(_ params: ResolvedParams) -> DataShape?
}

extension DatasetBuilder {
    /// The registry id.
    static var id: String { declaration.id }
}
