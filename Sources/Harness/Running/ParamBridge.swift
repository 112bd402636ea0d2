import Datasets
import Optimizers
import Support

/// Converts grid parameters to the data-set and optimizer layers' parameter types.
enum ParamBridge {
    static func dataset(_ values: [String: ParamValue]) -> [String: DatasetParam] {
        values.compactMapValues { $0.scalar(int: DatasetParam.int, double: DatasetParam.double,
                                            bool: DatasetParam.bool, string: DatasetParam.string) }
    }

    static func optimizer(_ values: [String: ParamValue]) -> [String: OptimizerParam] {
        values.compactMapValues { $0.scalar(int: OptimizerParam.int, double: OptimizerParam.double,
                                            bool: OptimizerParam.bool, string: OptimizerParam.string) }
    }
}

extension DatasetRegistry {
    /// Whether a data set's content depends on the run's seed (generated tasks do;
    /// real data sets and user files do not), so loaded data can be shared across seeds.
    static func dependsOnSeed(id: String) -> Bool {
        !["digits", "digits_seq", "austen_books", "austen_charlm", "idx", "csv", "text"].contains(id)
    }
}
