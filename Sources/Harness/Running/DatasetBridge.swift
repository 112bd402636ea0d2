import Datasets
import Support

/// Converts grid parameters to the data-set layer's parameter type.
enum DatasetBridge {
    static func params(_ values: [String: ParamValue]) -> [String: DatasetParam] {
        values.compactMapValues { v in
            switch v {
            case .int(let i): return .int(i)
            case .double(let d): return .double(d)
            case .bool(let b): return .bool(b)
            case .string(let s): return .string(s)
            case .intList: return nil
            }
        }
    }
}

extension DatasetRegistry {
    /// Whether a data set's content depends on the run's seed (generated tasks do;
    /// real data sets and user files do not), so loaded data can be shared across seeds.
    static func dependsOnSeed(id: String) -> Bool {
        !["digits", "digits_seq", "austen_books", "austen_charlm", "idx", "csv", "text"].contains(id)
    }
}
