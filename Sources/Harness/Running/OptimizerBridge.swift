import Optimizers
import Support

/// Converts grid parameters to the optimizer layer's parameter type.
enum OptimizerBridge {
    static func params(_ values: [String: ParamValue]) -> [String: OptimizerParam] {
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
