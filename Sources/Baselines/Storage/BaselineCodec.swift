import Foundation
import Recording
import Support

/// Converts baselines to and from the JSON of `baseline.json` and `meta.json`
/// (layout documented on `Baseline`).
///
/// Attribute values: a string is a JSON string, an integer a number literal
/// without fraction or exponent, a finite double a number literal in Swift's
/// shortest form (which always has a `.` or an exponent), and a NaN or
/// infinite double the object `{"float64": "<ExactNumber string>"}`.
enum BaselineCodec {
    private static let stepKey = "step"

    // MARK: Encoding

    static func encode(_ baseline: Baseline) -> JSONNode {
        .object([
            "schema_version": .number(String(Baseline.schemaVersion)),
            "grid": .string(baseline.grid),
            "engine_versions": .array(baseline.engineVersions.map(JSONNode.string)),
            "includes_tensors": .bool(baseline.includesTensors),
            "runs": .array(baseline.runs.map { encode($0, includeTensors: baseline.includesTensors) }),
        ])
    }

    static func encode(_ meta: BaselineMeta) -> JSONNode {
        let m = meta.machine
        return .object([
            "schema_version": .number(String(Baseline.schemaVersion)),
            "created_at": .string(meta.createdAt),
            "machine": .object([
                "system": .string(m.system), "release": .string(m.release), "architecture": .string(m.architecture),
                "cpu_model": .string(m.cpuModel), "core_count": .number(String(m.coreCount)),
                "operating_system": .string(m.operatingSystem),
            ]),
        ])
    }

    private static func encode(_ run: RunRecord, includeTensors: Bool) -> JSONNode {
        var members: [String: JSONNode] = [
            "attributes": .object(run.attributes.mapValues(encode)),
            "curves": encodeCurves(steps: run.steps, curves: run.curves),
            "final": .object(FinalMetrics.ofCurves(run).mapValues { ExactNumber.node($0) }),
        ]
        if !run.series.isEmpty {
            members["series"] = .object(run.series.mapValues { encodeCurves(steps: $0.steps, curves: $0.curves) })
        }
        if includeTensors {
            members["tensors"] = .object(run.tensors.mapValues(encode))
        }
        return .object(members)
    }

    private static func encode(_ value: AttributeValue) -> JSONNode {
        switch value {
        case .string(let s): return .string(s)
        case .int(let v): return ExactNumber.node(v)
        case .double(let v) where v.isFinite: return ExactNumber.node(v)
        case .double(let v): return .object(["float64": ExactNumber.node(v)])
        }
    }

    private static func encodeCurves(steps: [Int64], curves: [String: [Double]]) -> JSONNode {
        var members = curves.mapValues { JSONNode.array($0.map { ExactNumber.node($0) }) }
        members[stepKey] = .array(steps.map { ExactNumber.node($0) })
        return .object(members)
    }

    private static func encode(_ tensor: StoredTensor) -> JSONNode {
        var bytes: [UInt8] = []
        let dtype: String
        switch tensor.elements {
        case .float32(let values):
            dtype = "float32"
            bytes.reserveCapacity(values.count * 4)
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        case .float64(let values):
            dtype = "float64"
            bytes.reserveCapacity(values.count * 8)
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        return .object([
            "dtype": .string(dtype),
            "shape": .array(tensor.shape.map { .number(String($0)) }),
            "data_base64_le": .string(Data(bytes).base64EncodedString()),
        ])
    }

    // MARK: Decoding

    static func decodeBaseline(_ node: JSONNode, path: String) throws(BaselineError) -> Baseline {
        let d = Decoder(path: path)
        let top = try d.object(node, at: "top level")
        try d.checkSchema(top)
        let grid = try d.string(top["grid"], at: "grid")
        let includesTensors = try d.bool(top["includes_tensors"], at: "includes_tensors")
        let runNodes = try d.array(top["runs"], at: "runs")
        // Nothing could regress against an empty baseline, so a check would pass vacuously.
        guard !runNodes.isEmpty else { throw d.corrupt("runs is empty: a baseline with no runs checks nothing") }
        var runs: [RunRecord] = []
        var seen: Set<String> = []
        for (i, runNode) in runNodes.enumerated() {
            let run = try decodeRun(runNode, at: "runs[\(i)]", includesTensors: includesTensors, d)
            guard let id = run.string("run_id") else { throw d.corrupt("runs[\(i)].attributes has no string run_id") }
            guard seen.insert(id).inserted else { throw d.corrupt("runs[\(i)]: run_id \(id) appears twice") }
            runs.append(run)
        }
        return Baseline(grid: grid, includesTensors: includesTensors, runs: runs, meta: nil)
    }

    static func decodeMeta(_ node: JSONNode, path: String) throws(BaselineError) -> BaselineMeta {
        let d = Decoder(path: path)
        let top = try d.object(node, at: "top level")
        try d.checkSchema(top)
        let m = try d.object(top["machine"], at: "machine")
        guard let cores = try Int(exactly: d.int64(m["core_count"], at: "machine.core_count")) else {
            throw d.corrupt("machine.core_count is out of range")
        }
        let machine = MachineDescription(
            system: try d.string(m["system"], at: "machine.system"),
            release: try d.string(m["release"], at: "machine.release"),
            architecture: try d.string(m["architecture"], at: "machine.architecture"),
            cpuModel: try d.string(m["cpu_model"], at: "machine.cpu_model"),
            coreCount: cores,
            operatingSystem: try d.string(m["operating_system"], at: "machine.operating_system"))
        return BaselineMeta(createdAt: try d.string(top["created_at"], at: "created_at"), machine: machine)
    }

    private static func decodeRun(_ node: JSONNode, at place: String, includesTensors: Bool,
                                  _ d: Decoder) throws(BaselineError) -> RunRecord {
        let members = try d.object(node, at: place)
        var record = RunRecord()
        for (name, value) in try d.object(members["attributes"], at: "\(place).attributes") {
            record.attributes[name] = try decodeAttribute(value, at: "\(place).attributes.\(name)", d)
        }
        (record.steps, record.curves) = try decodeCurves(members["curves"], at: "\(place).curves", d)
        if let seriesNode = members["series"] {
            for (group, curvesNode) in try d.object(seriesNode, at: "\(place).series") {
                let (steps, curves) = try decodeCurves(curvesNode, at: "\(place).series.\(group)", d)
                record.series[group] = Series(steps: steps, curves: curves)
            }
        }
        if let tensorsNode = members["tensors"] {
            guard includesTensors else { throw d.corrupt("\(place).tensors present but includes_tensors is false") }
            for (key, tensorNode) in try d.object(tensorsNode, at: "\(place).tensors") {
                record.tensors[key] = try decodeTensor(tensorNode, at: "\(place).tensors.\(key)", d)
            }
        }
        return record
    }

    private static func decodeAttribute(_ node: JSONNode, at place: String,
                                         _ d: Decoder) throws(BaselineError) -> AttributeValue {
        switch node {
        case .string(let s): return .string(s)
        case .number(let literal) where ExactNumber.isIntegerLiteral(literal):
            return .int(try d.int64(node, at: place))
        case .number: return .double(try d.double(node, at: place))
        case .object(let members) where members.count == 1 && members["float64"] != nil:
            return .double(try d.double(members["float64"], at: place + ".float64"))
        default: throw d.corrupt("\(place) is \(node.kind), expected a string, a number or {\"float64\": ...}")
        }
    }

    private static func decodeCurves(_ node: JSONNode?, at place: String,
                                     _ d: Decoder) throws(BaselineError) -> ([Int64], [String: [Double]]) {
        let members = try d.object(node, at: place)
        var steps: [Int64] = []
        for (i, item) in try d.array(members[stepKey], at: "\(place).\(stepKey)").enumerated() {
            steps.append(try d.int64(item, at: "\(place).\(stepKey)[\(i)]"))
        }
        var curves: [String: [Double]] = [:]
        for (name, curveNode) in members where name != stepKey {
            var values: [Double] = []
            for (i, item) in try d.array(curveNode, at: "\(place).\(name)").enumerated() {
                values.append(try d.double(item, at: "\(place).\(name)[\(i)]"))
            }
            guard values.count == steps.count else {
                throw d.corrupt("\(place).\(name) has \(values.count) values for \(steps.count) steps")
            }
            curves[name] = values
        }
        return (steps, curves)
    }

    private static func decodeTensor(_ node: JSONNode, at place: String,
                                     _ d: Decoder) throws(BaselineError) -> StoredTensor {
        let members = try d.object(node, at: place)
        var shape: [Int] = []
        for (i, item) in try d.array(members["shape"], at: "\(place).shape").enumerated() {
            guard let n = Int(exactly: try d.int64(item, at: "\(place).shape[\(i)]")), n >= 0 else {
                throw d.corrupt("\(place).shape[\(i)] is not a length")
            }
            shape.append(n)
        }
        let text = try d.string(members["data_base64_le"], at: "\(place).data_base64_le")
        guard let data = Data(base64Encoded: text) else { throw d.corrupt("\(place).data_base64_le is not base64") }
        let bytes = [UInt8](data)
        let (count, overflow) = shape.reduce((1, false)) { acc, n in
            let (p, o) = acc.0.multipliedReportingOverflow(by: n)
            return (p, acc.1 || o)
        }
        let dtype = try d.string(members["dtype"], at: "\(place).dtype")
        let width: Int
        switch dtype {
        case "float32": width = 4
        case "float64": width = 8
        default: throw d.corrupt("\(place).dtype is \(dtype), expected float32 or float64")
        }
        guard !overflow, bytes.count == count * width else {
            throw d.corrupt("\(place) holds \(bytes.count) bytes, shape \(shape) of \(dtype) needs \(count * width)")
        }
        func word<T: FixedWidthInteger>(_ i: Int, as: T.Type) -> T {
            var v: T = 0
            for k in 0..<width { v |= T(bytes[i * width + k]) << (8 * k) }
            return v
        }
        if width == 4 {
            return StoredTensor(shape: shape, elements: .float32((0..<count).map { Float(bitPattern: word($0, as: UInt32.self)) }))
        }
        return StoredTensor(shape: shape, elements: .float64((0..<count).map { Double(bitPattern: word($0, as: UInt64.self)) }))
    }

    /// Typed access to JSON members with errors that name the file and the place.
    private struct Decoder {
        let path: String

        func corrupt(_ reason: String) -> BaselineError { .corrupt(path: path, reason: reason) }

        func checkSchema(_ top: [String: JSONNode]) throws(BaselineError) {
            guard let node = top["schema_version"] else { throw corrupt("no schema_version") }
            guard ExactNumber.int64(node) == Int64(Baseline.schemaVersion) else {
                let found: String
                switch node {
                case .number(let literal): found = literal
                case .string(let s): found = "\"\(s)\""
                default: found = node.kind
                }
                throw .unsupportedSchema(path: path, found: found, supported: Baseline.schemaVersion)
            }
        }

        func object(_ node: JSONNode?, at place: @autoclosure () -> String) throws(BaselineError) -> [String: JSONNode] {
            guard let node else { throw corrupt("\(place()) is missing") }
            guard case .object(let members) = node else { throw corrupt("\(place()) is \(node.kind), expected an object") }
            return members
        }

        func array(_ node: JSONNode?, at place: @autoclosure () -> String) throws(BaselineError) -> [JSONNode] {
            guard let node else { throw corrupt("\(place()) is missing") }
            guard case .array(let items) = node else { throw corrupt("\(place()) is \(node.kind), expected an array") }
            return items
        }

        func string(_ node: JSONNode?, at place: @autoclosure () -> String) throws(BaselineError) -> String {
            guard let node else { throw corrupt("\(place()) is missing") }
            guard case .string(let s) = node else { throw corrupt("\(place()) is \(node.kind), expected a string") }
            return s
        }

        func bool(_ node: JSONNode?, at place: @autoclosure () -> String) throws(BaselineError) -> Bool {
            guard let node else { throw corrupt("\(place()) is missing") }
            guard case .bool(let b) = node else { throw corrupt("\(place()) is \(node.kind), expected true or false") }
            return b
        }

        func int64(_ node: JSONNode?, at place: @autoclosure () -> String) throws(BaselineError) -> Int64 {
            guard let node else { throw corrupt("\(place()) is missing") }
            guard let v = ExactNumber.int64(node) else { throw corrupt("\(place()) is not a 64-bit integer") }
            return v
        }

        func double(_ node: JSONNode?, at place: @autoclosure () -> String) throws(BaselineError) -> Double {
            guard let node else { throw corrupt("\(place()) is missing") }
            guard let v = ExactNumber.double(node) else {
                throw corrupt("\(place()) is \(node.kind), expected a number, \"nan\", \"inf\" or \"-inf\"")
            }
            return v
        }
    }
}
